using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Monitoring;

/// <summary>What the device model says of a component variable a monitor is asked for.</summary>
internal enum MonitorTarget
{
    UnknownComponent,
    UnknownVariable,
    Numeric,
    NonNumeric,
}

/// <summary>
/// A station's variable monitors (N02-N06): built-in ones (hard-wired, and the manufacturer's preconfigured set)
/// and those the CSMS sets, the active monitoring base and level. The station gives every monitor its id.
/// </summary>
internal sealed class MonitorBook
{
    public const int LeastSevere = 9;

    private readonly Lock _sync = new();
    private readonly List<VariableMonitor> _monitors = [];
    private int _nextId = 1;
    private MonitoringBase _base = MonitoringBase.All;
    private int _level = LeastSevere;

    public MonitorBook(IEnumerable<(Component Component, Variable Variable, MonitorType Type, decimal Value, int Severity, MonitorKind Kind)> builtIn)
    {
        foreach (var (component, variable, type, value, severity, kind) in builtIn)
            _monitors.Add(new VariableMonitor(_nextId++, component, variable, type, value, severity, transaction: false, kind));
    }

    public MonitoringBase Base
    {
        get { lock (_sync) return _base; }
    }

    /// <summary>Events of monitors with this severity or a more severe one (a lower number) are reported.</summary>
    public int Level
    {
        get { lock (_sync) return _level; }
    }

    /// <summary>The monitors the base keeps active: all, or the built-in ones, or only the hard-wired ones.</summary>
    public IReadOnlyList<VariableMonitor> Active
    {
        get
        {
            lock (_sync)
                return [.. _monitors.Where(IsActive)];
        }
    }

    /// <summary>
    /// Sets or replaces one monitor, by the rules of N04. A delta is measured from <paramref name="current"/>, the
    /// value when the monitor is set, so a change right after the answer is not taken for the starting point.
    /// </summary>
    public SetMonitoringResult Set(SetMonitoringData data, MonitorTarget target, MonitoredValue? current = null)
    {
        var (status, reason, id) = Apply(data, target, current);
        return new SetMonitoringResult
        {
            Id = id,
            Status = status,
            StatusInfo = reason is null ? null : new StatusInfo { ReasonCode = reason },
            Type = data.Type,
            Severity = data.Severity,
            Component = data.Component,
            Variable = data.Variable,
        };
    }

    private (SetMonitoringStatus, string?, int?) Apply(SetMonitoringData data, MonitorTarget target, MonitoredValue? current)
    {
        if (target == MonitorTarget.UnknownComponent)
            return (SetMonitoringStatus.UnknownComponent, null, null);
        if (target == MonitorTarget.UnknownVariable)
            return (SetMonitoringStatus.UnknownVariable, null, null);
        if (target == MonitorTarget.NonNumeric && data.Type is MonitorType.UpperThreshold or MonitorType.LowerThreshold)
            return (SetMonitoringStatus.UnsupportedMonitorType, "NotNumeric", null);
        if (data.Severity is < 0 or > LeastSevere)
            return (SetMonitoringStatus.Rejected, "InvalidSeverity", null);
        if (data.Type is MonitorType.Periodic or MonitorType.PeriodicClockAligned ? data.Value <= 0 : data.Type == MonitorType.Delta && data.Value < 0)
            return (SetMonitoringStatus.Rejected, "InvalidValue", null);

        lock (_sync)
        {
            if (data.Id is { } id)
            {
                var index = _monitors.FindIndex(monitor => monitor.Id == id);
                if (index < 0)
                    return (SetMonitoringStatus.Rejected, "UnknownMonitorId", id);
                if (_monitors[index].Kind == MonitorKind.HardWired)
                    return (SetMonitoringStatus.Rejected, "HardWired", id);
                _monitors[index] = Create(id, data, _monitors[index].Kind, current);
                return (SetMonitoringStatus.Accepted, null, id);
            }

            if (_monitors.Any(m => m.Watches(data.Component, data.Variable) && m.Type == data.Type && m.Severity == data.Severity))
                return (SetMonitoringStatus.Duplicate, null, null);
            var monitor = Create(_nextId++, data, MonitorKind.Custom, current);
            _monitors.Add(monitor);
            return (SetMonitoringStatus.Accepted, null, monitor.Id);
        }
    }

    private static VariableMonitor Create(int id, SetMonitoringData data, MonitorKind kind, MonitoredValue? current) =>
        new(id, data.Component, data.Variable, data.Type, data.Value, data.Severity, data.Transaction ?? false, kind) { Reference = current?.Text };

    /// <summary>Clears one monitor (N06): a hard-wired one cannot be cleared.</summary>
    public ClearMonitoringResult Clear(int id)
    {
        lock (_sync)
        {
            var monitor = _monitors.Find(m => m.Id == id);
            if (monitor is null)
                return new ClearMonitoringResult { Id = id, Status = ClearMonitoringStatus.NotFound };
            if (monitor.Kind == MonitorKind.HardWired)
                return new ClearMonitoringResult { Id = id, Status = ClearMonitoringStatus.Rejected, StatusInfo = new StatusInfo { ReasonCode = "HardWired" } };
            _monitors.Remove(monitor);
            return new ClearMonitoringResult { Id = id, Status = ClearMonitoringStatus.Accepted };
        }
    }

    /// <summary>N03: FactoryDefault and HardWiredOnly remove the CSMS's monitors; All keeps them and turns every built-in one on.</summary>
    public void SetBase(MonitoringBase monitoringBase)
    {
        lock (_sync)
        {
            _base = monitoringBase;
            if (monitoringBase != MonitoringBase.All)
                _monitors.RemoveAll(monitor => monitor.Kind == MonitorKind.Custom);
        }
    }

    /// <summary>N05: false for a severity outside 0-9.</summary>
    public bool SetLevel(int severity)
    {
        if (severity is < 0 or > LeastSevere)
            return false;
        lock (_sync)
            _level = severity;
        return true;
    }

    /// <summary>N02: the active monitors matching the criteria and component variables (each filter only when given), by component variable.</summary>
    public IReadOnlyList<MonitoringData> Report(IReadOnlyList<MonitoringCriterion>? criteria, IReadOnlyList<ComponentVariable>? componentVariables) =>
        [.. Active
            .Where(monitor => criteria is null || criteria.Any(criterion => Meets(monitor, criterion)))
            .Where(monitor => componentVariables is null || componentVariables.Any(wanted => VariableMonitor.Same(monitor.Component, wanted.Component)
                && (wanted.Variable is null || (wanted.Variable.Name == monitor.Variable.Name && wanted.Variable.Instance == monitor.Variable.Instance))))
            .GroupBy(monitor => (Key(monitor.Component), monitor.Variable.Name, monitor.Variable.Instance))
            .Select(group => new MonitoringData
            {
                Component = group.First().Component,
                Variable = group.First().Variable,
                VariableMonitoring = [.. group.Select(monitor => monitor.ToReport())],
            })];

    private static bool Meets(VariableMonitor monitor, MonitoringCriterion criterion) => criterion switch
    {
        MonitoringCriterion.ThresholdMonitoring => monitor.Type is MonitorType.UpperThreshold or MonitorType.LowerThreshold,
        MonitoringCriterion.DeltaMonitoring => monitor.Type == MonitorType.Delta,
        _ => monitor.IsPeriodic,
    };

    private static string Key(Component component) => $"{component.Name}/{component.Instance}/{component.Evse?.Id}/{component.Evse?.ConnectorId}";

    private bool IsActive(VariableMonitor monitor) => _base switch
    {
        MonitoringBase.HardWiredOnly => monitor.Kind == MonitorKind.HardWired,
        _ => true,
    };
}
