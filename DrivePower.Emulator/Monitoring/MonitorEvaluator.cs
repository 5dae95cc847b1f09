using System.Globalization;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Monitoring;

/// <summary>A monitored variable's value now, and whether it is a number (thresholds need one).</summary>
internal readonly record struct MonitoredValue(string Text, decimal? Number);

/// <summary>An event a monitor raised, with that monitor's severity (what decides whether it waits while offline).</summary>
internal readonly record struct RaisedEvent(EventData Event, int Severity);

/// <summary>
/// Checks monitors against their variables' values now (N07/N08) and says which raise an event: a threshold
/// when it is crossed (and again, cleared, when the value comes back), a delta when the value moved by more
/// than the monitor's value since the last event (for a value that is not a number: any change), a periodic
/// monitor when its period is up (clock-aligned: on multiples of it since midnight UTC).
/// </summary>
internal static class MonitorEvaluator
{
    /// <summary>
    /// The events due: monitors above <paramref name="level"/>, transaction monitors without a transaction on their
    /// EVSE and variables that cannot be read are skipped. Updates each monitor's memory of what it has seen.
    /// </summary>
    public static List<RaisedEvent> Evaluate(
        IEnumerable<VariableMonitor> monitors, int level, DateTimeOffset now,
        Func<VariableMonitor, MonitoredValue?> read, Func<VariableMonitor, string?> transactionOf)
    {
        var events = new List<RaisedEvent>();
        foreach (var monitor in monitors)
        {
            if (monitor.Severity > level)
                continue;
            var transactionId = transactionOf(monitor);
            if ((monitor.Transaction && transactionId is null) || read(monitor) is not { } value)
                continue;
            lock (monitor)
            {
                if (Check(monitor, value, now) is { } due)
                    events.Add(new RaisedEvent(Event(monitor, value, due.Trigger, due.Cleared, transactionId, now), monitor.Severity));
            }
        }

        return events;
    }

    private static (EventTrigger Trigger, bool? Cleared)? Check(VariableMonitor monitor, MonitoredValue value, DateTimeOffset now)
    {
        switch (monitor.Type)
        {
            case MonitorType.UpperThreshold or MonitorType.LowerThreshold when value.Number is { } number:
                var beyond = monitor.Type == MonitorType.UpperThreshold ? number > monitor.Value : number < monitor.Value;
                if (beyond == monitor.Triggered)
                    return null;
                monitor.Triggered = beyond;
                return (EventTrigger.Alerting, !beyond);
            case MonitorType.Delta:
                var moved = monitor.Reference is { } reference && (value.Number is { } current && decimal.TryParse(reference, NumberStyles.Number, CultureInfo.InvariantCulture, out var from)
                    ? Math.Abs(current - from) > monitor.Value
                    : reference != value.Text);
                if (monitor.Reference is null || moved)
                    monitor.Reference = value.Text;
                return moved ? (EventTrigger.Delta, null) : null;
            case MonitorType.Periodic or MonitorType.PeriodicClockAligned:
                if (monitor.NextDue is null)
                {
                    monitor.NextDue = NextPeriod(monitor, now);
                    return null;
                }

                if (now < monitor.NextDue)
                    return null;
                monitor.NextDue = NextPeriod(monitor, now);
                return (EventTrigger.Periodic, null);
            default:
                return null;
        }
    }

    /// <summary>When a periodic monitor is next due after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextPeriod(VariableMonitor monitor, DateTimeOffset now)
    {
        var period = TimeSpan.FromSeconds((double)monitor.Value);
        if (monitor.Type == MonitorType.Periodic)
            return now + period;
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var periods = Math.Floor((now - midnight) / period) + 1;
        return midnight + (period * periods);
    }

    private static EventData Event(VariableMonitor monitor, MonitoredValue value, EventTrigger trigger, bool? cleared, string? transactionId, DateTimeOffset now) => new()
    {
        EventId = 0, // numbered by the station as it sends
        Timestamp = now,
        Trigger = trigger,
        ActualValue = value.Text.Length > 2500 ? value.Text[..2500] : value.Text,
        Cleared = cleared,
        TransactionId = transactionId,
        Component = monitor.Component,
        Variable = monitor.Variable,
        VariableMonitoringId = monitor.Id,
        EventNotificationType = monitor.NotificationType,
    };
}
