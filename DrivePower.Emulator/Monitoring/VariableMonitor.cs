using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Monitoring;

/// <summary>Where a monitor comes from: built in and permanent, the manufacturer's defaults, or set by the CSMS.</summary>
internal enum MonitorKind
{
    HardWired,
    Preconfigured,
    Custom,
}

/// <summary>
/// One monitor on a component variable (N04), with what its evaluation remembers: whether a threshold is
/// crossed, the value a delta is measured from, and when a periodic one is next due.
/// </summary>
internal sealed class VariableMonitor(int id, Component component, Variable variable, MonitorType type, decimal value, int severity, bool transaction, MonitorKind kind)
{
    public int Id { get; } = id;
    public Component Component { get; } = component;
    public Variable Variable { get; } = variable;
    public MonitorType Type { get; } = type;
    public decimal Value { get; } = value;
    public int Severity { get; } = severity;

    /// <summary>Watched only while a transaction runs on the component's EVSE.</summary>
    public bool Transaction { get; } = transaction;

    public MonitorKind Kind { get; } = kind;

    public bool Triggered { get; set; }

    /// <summary>The value the next delta is measured from (set when the monitor is first evaluated).</summary>
    public string? Reference { get; set; }

    public DateTimeOffset? NextDue { get; set; }

    public bool IsPeriodic => Type is MonitorType.Periodic or MonitorType.PeriodicClockAligned;

    public EventNotificationType NotificationType => Kind switch
    {
        MonitorKind.HardWired => EventNotificationType.HardWiredMonitor,
        MonitorKind.Preconfigured => EventNotificationType.PreconfiguredMonitor,
        _ => EventNotificationType.CustomMonitor,
    };

    public bool Watches(Component component, Variable variable) =>
        Same(Component, component) && Variable.Name == variable.Name && Variable.Instance == variable.Instance;

    public static bool Same(Component a, Component b) =>
        a.Name == b.Name && a.Instance == b.Instance && a.Evse?.Id == b.Evse?.Id && a.Evse?.ConnectorId == b.Evse?.ConnectorId;

    public VariableMonitoring ToReport() => new() { Id = Id, Transaction = Transaction, Value = Value, Type = Type, Severity = Severity };
}
