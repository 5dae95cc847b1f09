using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

internal sealed partial class Station
{
    /// <summary>Set when the emulator stops: no new transaction may start.</summary>
    public bool IsSwitchedOff { get; private set; }

    /// <summary>
    /// The emulator stops (Ctrl+C, host stop): the station is switched off, so its running transactions
    /// end now, with stoppedReason PowerLoss. ReasonEnumType has no "switched off": PowerLoss ("complete
    /// loss of power") is what switching a station off is; Local means the driver stopped it, Reboot a
    /// reset the station comes back from. The trigger is AbnormalCondition, there being no power trigger.
    /// Waits until those Ended events have reached the CSMS, the connection closes, or the token is
    /// cancelled; false when some did not get there.
    /// </summary>
    public async Task<bool> SwitchOffAsync(CancellationToken cancellationToken)
    {
        lock (Sync)
            IsSwitchedOff = true; // under the lock Reserve takes: no transaction starts after this
        var running = Transactions.ToList();
        foreach (var transaction in running)
            transaction.End(StoppedReason.PowerLoss, TriggerReason.AbnormalCondition);
        if (running.Count > 0)
            StationLog.SwitchedOff(Logger, Id, running.Count);

        try
        {
            while (Outbox.HasTransactionMessages(null) && IsAccepted)
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Out of time: what is still queued is reported below.
        }

        if (!Outbox.HasTransactionMessages(null))
            return true;
        StationLog.SwitchOffUndelivered(Logger, Id);
        return false;
    }
}
