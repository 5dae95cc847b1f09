using System.Globalization;
using DrivePower.Emulator.Monitoring;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// MonitoringCtrlr: Enabled (RW), Available, ItemsPerMessage and BytesPerMessage for SetVariableMonitoring and
/// ClearVariableMonitoring, OfflineQueuingSeverity (RW: events this severe or more wait for the connection),
/// ActiveMonitoringBase and ActiveMonitoringLevel. Every variable of the model can be monitored; thresholds need
/// a number. The EVSE's Power (W, the meter's) is what a monitor most usefully watches.
/// </summary>
internal sealed partial class DeviceModel
{
    public const int MonitorsPerMessage = 20;
    public const int MonitoringBytesPerMessage = 8192;

    private bool _monitoringEnabled = true;
    private int _offlineQueuingSeverity = 2;

    public bool MonitoringEnabled
    {
        get { lock (_sync) return _monitoringEnabled; }
        private set { lock (_sync) _monitoringEnabled = value; }
    }

    public int OfflineQueuingSeverity
    {
        get { lock (_sync) return _offlineQueuingSeverity; }
        private set { lock (_sync) _offlineQueuingSeverity = value; }
    }

    private Dictionary<string, Entry> MonitoringVariables() => new(StringComparer.Ordinal)
    {
        ["Enabled"] = new(() => Boolean(MonitoringEnabled), value => WriteBoolean(value, on => MonitoringEnabled = on), Type: DataType.boolean),
        ["Available"] = new(() => "true", Type: DataType.boolean),
        ["ItemsPerMessage"] = new(() => Integer(MonitorsPerMessage), Instance: "SetVariableMonitoring", Type: DataType.integer),
        ["ItemsPerMessage[ClearVariableMonitoring]"] = new(() => Integer(MonitorsPerMessage), Instance: "ClearVariableMonitoring", Type: DataType.integer),
        ["BytesPerMessage"] = new(() => Integer(MonitoringBytesPerMessage), Instance: "SetVariableMonitoring", Type: DataType.integer),
        ["BytesPerMessage[ClearVariableMonitoring]"] = new(() => Integer(MonitoringBytesPerMessage), Instance: "ClearVariableMonitoring", Type: DataType.integer),
        ["OfflineQueuingSeverity"] = new(() => Integer(OfflineQueuingSeverity), WriteSeverity, Type: DataType.integer, Min: 0),
        ["ActiveMonitoringBase"] = new(() => station.Monitors.Base.ToString(), Type: DataType.OptionList),
        ["ActiveMonitoringLevel"] = new(() => Integer(station.Monitors.Level), Type: DataType.integer, Min: 0),
    };

    /// <summary>What a monitor on this component variable would watch (N04's UnknownComponent / UnknownVariable first).</summary>
    public MonitorTarget TargetOf(Component component, Variable variable) => Find(component, variable, out var entry) switch
    {
        Lookup.UnknownComponent => MonitorTarget.UnknownComponent,
        Lookup.UnknownVariable => MonitorTarget.UnknownVariable,
        _ => IsNumeric(variable.Name, entry!) ? MonitorTarget.Numeric : MonitorTarget.NonNumeric,
    };

    /// <summary>The monitored variable's Actual value now; null when it no longer exists.</summary>
    public MonitoredValue? ReadMonitored(Component component, Variable variable)
    {
        if (Find(component, variable, out var entry) != Lookup.Found)
            return null;
        var text = entry!.Read();
        decimal? number = IsNumeric(variable.Name, entry) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return new MonitoredValue(text, number);
    }

    private static bool IsNumeric(string name, Entry entry) => TypeOf(name, entry) is DataType.integer or DataType.@decimal;

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private bool WriteSeverity(string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var severity) || severity > MonitorBook.LeastSevere)
            return false;
        OfflineQueuingSeverity = severity;
        return true;
    }
}
