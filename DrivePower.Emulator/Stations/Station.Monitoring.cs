using DrivePower.Emulator.Monitoring;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// The station's variable monitors at work (N07/N08): they are checked whenever a watched value may have moved
/// (a meter sample, a charging state, a status, a setting, the EV's power) and each second while a periodic one
/// is active, connected or not; what they raise goes to the CSMS in one NotifyEvent. While the station is not connected, events of
/// OfflineQueuingSeverity or more severe wait (at most <see cref="OfflineEventCapacity"/>); the others are lost, as
/// the spec allows.
/// </summary>
internal sealed partial class Station
{
    public const int OfflineEventCapacity = 100;

    private readonly Lock _monitorSync = new();
    private readonly Queue<RaisedEvent> _offlineEvents = new();
    private int _eventId;
    private int _observing;
    private TaskCompletionSource _monitorsChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The variable monitors: the built-in ones and those the CSMS set.</summary>
    public MonitorBook Monitors { get; }

    /// <summary>
    /// Built in: per EVSE a hard-wired overload alarm (Power above 110 % of the rated power, severity 1) and the
    /// manufacturer's preconfigured one (above the rated power, severity 5). Both stay quiet while EVs draw at most
    /// the rating; an EV set above it through the control API trips them.
    /// </summary>
    private static IEnumerable<(Component, Variable, MonitorType, decimal, int, MonitorKind)> BuiltInMonitors(int evseCount, int ratedW)
    {
        var power = new Variable { Name = "Power" };
        for (var evse = 1; evse <= evseCount; evse++)
        {
            var component = new Component { Name = "EVSE", Evse = new Evse { Id = evse } };
            yield return (component, power, MonitorType.UpperThreshold, ratedW * 1.1m, 1, MonitorKind.HardWired);
            yield return (component, power, MonitorType.UpperThreshold, ratedW, 5, MonitorKind.Preconfigured);
        }
    }

    /// <summary>A watched value may have changed: check the monitors soon, off the caller's locks (several calls, one check).</summary>
    public void ObserveMonitors()
    {
        if (Interlocked.Exchange(ref _observing, 1) == 1)
            return;
        _ = Task.Run(async () =>
        {
            Volatile.Write(ref _observing, 0);
            try
            {
                await CheckMonitorsAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Output.StationLog.StationFailed(Logger, exception, Id);
            }
        });
    }

    /// <summary>
    /// For the station's life, connected or not: checks the monitors each second while a periodic one is active;
    /// without one it sleeps until the monitors change (an idle station costs no timer).
    /// </summary>
    public async Task RunPeriodicMonitorsAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Task changed;
            lock (_monitorSync)
                changed = _monitorsChanged.Task;
            if (!Monitors.Active.Any(monitor => monitor.IsPeriodic))
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            try
            {
                await CheckMonitorsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Output.StationLog.StationFailed(Logger, exception, Id); // logged; the next period tries again
            }
        }
    }

    /// <summary>Monitors were set, cleared or their base changed: a waiting periodic loop looks again, and they are checked.</summary>
    public void MonitorsChanged()
    {
        TaskCompletionSource changed;
        lock (_monitorSync)
        {
            changed = _monitorsChanged;
            _monitorsChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        ObserveMonitors();
    }

    private async Task CheckMonitorsAsync(CancellationToken cancellationToken)
    {
        if (!DeviceModel.MonitoringEnabled)
            return;
        var raised = MonitorEvaluator.Evaluate(Monitors.Active, Monitors.Level, DateTimeOffset.UtcNow,
            monitor => DeviceModel.ReadMonitored(monitor.Component, monitor.Variable),
            monitor => monitor.Component.Evse is { } evse ? FindEvse(evse.Id)?.Transaction?.Id : null);
        if (raised.Count == 0)
            return;

        List<RaisedEvent> numbered;
        lock (_monitorSync)
            numbered = [.. raised.Select(r => r with { Event = r.Event with { EventId = ++_eventId } })];
        await SendEventsAsync(numbered, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One NotifyEvent with the events; not connected, or not delivered, they go to the offline queue.</summary>
    private async Task SendEventsAsync(List<RaisedEvent> events, CancellationToken cancellationToken)
    {
        var request = new NotifyEventRequest { GeneratedAt = DateTimeOffset.UtcNow, SeqNo = 0, EventData = [.. events.Select(r => r.Event)] };
        if (!IsAccepted || await SendNowAsync(request, cancellationToken).ConfigureAwait(false) is null)
            QueueOffline(events);
    }

    private void QueueOffline(IEnumerable<RaisedEvent> events)
    {
        var keep = DeviceModel.OfflineQueuingSeverity;
        lock (_monitorSync)
        {
            foreach (var raised in events.Where(r => r.Severity <= keep))
            {
                if (_offlineEvents.Count == OfflineEventCapacity)
                    _offlineEvents.Dequeue(); // the oldest goes first
                _offlineEvents.Enqueue(raised);
            }
        }
    }

    /// <summary>Once the station is accepted again: the events that waited, in one NotifyEvent.</summary>
    public async Task SendOfflineEventsAsync(CancellationToken cancellationToken)
    {
        List<RaisedEvent> waiting;
        lock (_monitorSync)
        {
            waiting = [.. _offlineEvents];
            _offlineEvents.Clear();
        }

        if (waiting.Count > 0)
            await SendEventsAsync(waiting, cancellationToken).ConfigureAwait(false);
    }
}
