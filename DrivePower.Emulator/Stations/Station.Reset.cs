using System.Net.WebSockets;
using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

internal sealed partial class Station
{
    /// <summary>How long a reset waits for the last transaction events to reach the CSMS before it closes.</summary>
    private static readonly TimeSpan ResetFlushTimeout = TimeSpan.FromSeconds(3);

    private bool _resetOnIdle;
    private int _resetting;

    /// <summary>Answers a Reset: Accepted (and done after the answer), Scheduled until transactions end, or Rejected.</summary>
    public ResetStatus RequestReset(ResetType type, int? evseId)
    {
        if (evseId is { } id)
        {
            if (FindEvse(id) is not { } evse)
                return ResetStatus.Rejected;
            if (evse.Transaction is { } running)
            {
                if (type == ResetType.OnIdle)
                    return ResetStatus.Scheduled;
                AfterAnswer(() => Task.FromResult(running.End(StoppedReason.ImmediateReset, TriggerReason.ResetCommand)));
            }

            return ResetStatus.Accepted;
        }

        if (type == ResetType.OnIdle && Transactions.Any())
        {
            _resetOnIdle = true;
            return ResetStatus.Scheduled;
        }

        AfterAnswer(() => ResetAsync(type));
        return ResetStatus.Accepted;
    }

    /// <summary>True once after a reset closed the connection: reconnect at once and boot with RemoteReset.</summary>
    public bool TakeReset() => Interlocked.Exchange(ref _resetting, 0) == 1;

    private async Task ResetAsync(ResetType type)
    {
        _resetOnIdle = false;
        foreach (var transaction in Transactions)
            transaction.End(StoppedReason.ImmediateReset, TriggerReason.ResetCommand, cableStaysIn: false);

        StationLog.Resetting(Logger, Id, type);
        await RebootAsync(BootReason.RemoteReset, "Reset").ConfigureAwait(false);
    }

    /// <summary>
    /// Reboots: the last messages get a moment to reach the CSMS, the connection closes, and the runner
    /// reconnects at once to boot with <paramref name="reason"/> (a reset, or a firmware install).
    /// </summary>
    public async Task RebootAsync(BootReason reason, string closeReason)
    {
        using var flush = new CancellationTokenSource(ResetFlushTimeout);
        while (!Outbox.IsEmpty && !flush.IsCancellationRequested && Connection is { IsOpen: true })
            await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);

        NextBootReason = reason;
        Interlocked.Exchange(ref _resetting, 1);
        if (Connection is { } connection)
            await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, closeReason).ConfigureAwait(false);
    }

    /// <summary>How long a remote start's driver takes to unplug once the transaction ended: the EV does not vanish with the stop.</summary>
    public static readonly TimeSpan EvDepartureDelay = TimeSpan.FromSeconds(2);

    private async Task DepartAsync(TransactionSession ended)
    {
        await Task.Delay(EvDepartureDelay).ConfigureAwait(false);
        lock (Sync)
        {
            if (ended.Evse.Transaction is not null || !ended.Connector.Plugged)
                return; // a new session has the EVSE, or the driver unplugged already
            ended.Connector.Plugged = false;
        }

        ReportStatus(ended.Connector);
    }

    /// <summary>After a transaction: report the connector (a scheduled unavailability now applies), run a pending reset.</summary>
    public void OnTransactionEnded(TransactionSession transaction)
    {
        if (transaction.UnplugWhenEnded)
            _ = DepartAsync(transaction);
        ReportStatus(transaction.Connector);
        if (_resetOnIdle && !Transactions.Any())
            AfterAnswer(() => ResetAsync(ResetType.OnIdle));
    }
}
