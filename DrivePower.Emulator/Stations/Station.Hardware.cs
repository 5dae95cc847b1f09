using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>What the hardware and the network do to a station (the control API): faults, losing the network, power cycles.</summary>
internal sealed partial class Station
{
    private readonly Lock _networkSync = new();
    private TaskCompletionSource _online = CompletedOnline();
    private CancellationTokenSource _networkCut = new();

    /// <summary>True while the control API holds the station off the network.</summary>
    public bool IsOffline => !_online.Task.IsCompleted;

    /// <summary>Cancelled when the network goes (or the power): the open socket is dropped without a close frame.</summary>
    public CancellationToken NetworkCut
    {
        get
        {
            lock (_networkSync)
                return _networkCut.Token;
        }
    }

    /// <summary>Completes while the station has a network; the runner waits here before it connects.</summary>
    public Task WaitOnlineAsync(CancellationToken cancellationToken) => _online.Task.WaitAsync(cancellationToken);

    public void GoOffline()
    {
        lock (_networkSync)
        {
            if (IsOffline)
                return;
            _online = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        CutNetwork();
    }

    public void GoOnline()
    {
        lock (_networkSync)
            _online.TrySetResult();
    }

    /// <summary>
    /// Power off and on: running transactions end (PowerLoss; their Ended events wait in the outbox), the
    /// socket drops, and the station boots again at once with reason PowerUp.
    /// </summary>
    public string PowerCycle()
    {
        var running = Transactions.ToList();
        foreach (var transaction in running)
            transaction.End(StoppedReason.PowerLoss, TriggerReason.AbnormalCondition);
        NextBootReason = BootReason.PowerUp;
        Interlocked.Exchange(ref _resetting, 1);
        CutNetwork();
        StationLog.SwitchedOff(Logger, Id, running.Count);
        return $"Power cycled: {running.Count} transaction(s) ended (PowerLoss); booting again.";
    }

    /// <summary>A connector fault: Faulted (a transaction on it ends), or cleared back to its status.</summary>
    public string SetFaulted(ConnectorState connector, bool faulted)
    {
        lock (Sync)
        {
            if (connector.Faulted == faulted)
                throw new DriverActionException($"Connector {connector.Id} of EVSE {connector.Evse.Id} is {(faulted ? "already" : "not")} faulted.");
            connector.Faulted = faulted;
        }

        if (faulted && connector.Evse.Transaction is { IsEnded: false } transaction && transaction.Connector == connector)
            transaction.End(StoppedReason.Other, TriggerReason.AbnormalCondition);
        ReportStatus(connector);
        return faulted ? "Connector Faulted." : "Fault cleared.";
    }

    private void CutNetwork()
    {
        CancellationTokenSource cut;
        lock (_networkSync)
        {
            cut = _networkCut;
            _networkCut = new CancellationTokenSource();
        }

        cut.Cancel();
        cut.Dispose();
    }

    private static TaskCompletionSource CompletedOnline()
    {
        var online = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        online.SetResult();
        return online;
    }
}
