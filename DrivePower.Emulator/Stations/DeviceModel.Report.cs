using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

internal sealed partial class DeviceModel
{
    private const string AvailabilityValues = "Available,Occupied,Reserved,Unavailable,Faulted";

    /// <summary>
    /// The device model as NotifyReport rows: FullInventory every variable, ConfigurationInventory the
    /// writable ones, SummaryInventory the availability states.
    /// </summary>
    public IReadOnlyList<ReportData> Report(ReportBase reportBase) =>
        [.. from component in Components()
            from variable in Variables(component)!
            where reportBase switch
            {
                ReportBase.ConfigurationInventory => variable.Value.Write is not null,
                ReportBase.SummaryInventory => variable.Key == "AvailabilityState",
                _ => true,
            }
            select Row(component, variable.Key.Split('[')[0], variable.Value)];

    private static ReportData Row(Component component, string name, Entry entry)
    {
        var isInterval = name.EndsWith("Interval", StringComparison.Ordinal);
        var isAvailability = name == "AvailabilityState";
        return new ReportData
        {
            Component = component,
            Variable = new Variable { Name = name, Instance = entry.Instance },
            VariableAttribute =
            [
                new VariableAttribute
                {
                    Type = AttributeType.Actual,
                    Value = entry.Read(),
                    Mutability = entry.Write is null ? Mutability.ReadOnly : Mutability.ReadWrite,
                },
            ],
            VariableCharacteristics = new VariableCharacteristics
            {
                DataType = TypeOf(name, entry),
                Unit = isInterval ? "s" : name == "Power" ? "W" : null,
                MinLimit = entry.Min ?? (isInterval || entry.Type == DataType.integer ? 1 : entry.Type == DataType.@decimal ? 0 : null),
                ValuesList = isAvailability ? AvailabilityValues : null,
                SupportsMonitoring = true,
            },
        };
    }

    /// <summary>A variable's data type: the entry's, else what its name says (intervals are integers, availability states options).</summary>
    private static DataType TypeOf(string name, Entry entry) => entry.Type
        ?? (name.EndsWith("Interval", StringComparison.Ordinal) ? DataType.integer
            : name == "AvailabilityState" ? DataType.OptionList
            : DataType.@string);

    private IEnumerable<Component> Components()
    {
        yield return new Component { Name = "ChargingStation" };
        yield return new Component { Name = "OCPPCommCtrlr" };
        yield return new Component { Name = "SampledDataCtrlr" };
        yield return new Component { Name = "AuthCtrlr" };
        yield return new Component { Name = "SmartChargingCtrlr" };
        yield return new Component { Name = "ReservationCtrlr" };
        yield return new Component { Name = "LocalAuthListCtrlr" };
        yield return new Component { Name = "AuthCacheCtrlr" };
        yield return new Component { Name = "DisplayMessageCtrlr" };
        yield return new Component { Name = "TariffCostCtrlr" };
        yield return new Component { Name = "MonitoringCtrlr" };
        foreach (var evse in station.Evses)
        {
            yield return new Component { Name = "EVSE", Evse = new Evse { Id = evse.Id } };
            foreach (var connector in evse.Connectors)
                yield return new Component { Name = "Connector", Evse = new Evse { Id = evse.Id, ConnectorId = connector.Id } };
        }
    }
}
