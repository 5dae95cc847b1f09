using System.Globalization;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

internal sealed partial class DeviceModel
{
    /// <summary>
    /// A variable of a resolved component: how to read it, how to write it (null: read-only), the
    /// instance the spec gives it (also found without one), its data type when not obvious from the name, and its
    /// least value when that is not the usual one (1 for integers and intervals, 0 for decimals).
    /// </summary>
    private sealed record Entry(Func<string> Read, Func<string, bool>? Write = null, string? Instance = null, DataType? Type = null, decimal? Min = null);

    private enum Lookup
    {
        Found,
        UnknownComponent,
        UnknownVariable,
    }

    public GetVariableResult Get(GetVariableData data)
    {
        var lookup = Find(data.Component, data.Variable, out var entry);
        var status = lookup switch
        {
            Lookup.UnknownComponent => GetVariableStatus.UnknownComponent,
            Lookup.UnknownVariable => GetVariableStatus.UnknownVariable,
            _ when data.AttributeType is not (null or AttributeType.Actual) => GetVariableStatus.NotSupportedAttributeType,
            _ => GetVariableStatus.Accepted,
        };
        return new GetVariableResult
        {
            AttributeStatus = status,
            AttributeType = data.AttributeType,
            AttributeValue = status == GetVariableStatus.Accepted ? entry!.Read() : null,
            Component = data.Component,
            Variable = data.Variable,
        };
    }

    public SetVariableResult Set(SetVariableData data)
    {
        var lookup = Find(data.Component, data.Variable, out var entry);
        var (status, reason) = lookup switch
        {
            Lookup.UnknownComponent => (SetVariableStatus.UnknownComponent, null),
            Lookup.UnknownVariable => (SetVariableStatus.UnknownVariable, null),
            _ when data.AttributeType is not (null or AttributeType.Actual) => (SetVariableStatus.NotSupportedAttributeType, null),
            _ when entry!.Write is null => (SetVariableStatus.Rejected, "ReadOnly"),
            _ when !entry.Write(data.AttributeValue.Trim()) => (SetVariableStatus.Rejected, "InvalidValue"),
            _ => (SetVariableStatus.Accepted, (string?)null),
        };
        return new SetVariableResult
        {
            AttributeStatus = status,
            AttributeStatusInfo = reason is null ? null : new StatusInfo { ReasonCode = reason },
            AttributeType = data.AttributeType,
            Component = data.Component,
            Variable = data.Variable,
        };
    }

    private Lookup Find(Component component, Variable variable, out Entry? entry)
    {
        entry = null;
        var variables = component.Instance is null ? Variables(component) : null;
        if (variables is null)
            return Lookup.UnknownComponent;
        // A variable with several instances keeps the others under "Name[Instance]".
        if (variable.Instance is not null && variables.TryGetValue($"{variable.Name}[{variable.Instance}]", out entry))
            return Lookup.Found;
        if (!variables.TryGetValue(variable.Name, out entry) || (variable.Instance is not null && variable.Instance != entry.Instance))
            return Lookup.UnknownVariable;
        return Lookup.Found;
    }

    private Dictionary<string, Entry>? Variables(Component component) => component.Name switch
    {
        "OCPPCommCtrlr" when component.Evse is null => CommunicationVariables(),
        "AuthCtrlr" when component.Evse is null => AuthorizationVariables(),
        "SmartChargingCtrlr" when component.Evse is null => SmartChargingVariables(),
        "ReservationCtrlr" when component.Evse is null => ReservationVariables(),
        "LocalAuthListCtrlr" when component.Evse is null => LocalAuthListVariables(),
        "AuthCacheCtrlr" when component.Evse is null => AuthCacheVariables(),
        "DisplayMessageCtrlr" when component.Evse is null => DisplayMessageVariables(),
        "TariffCostCtrlr" when component.Evse is null => TariffCostVariables(),
        "MonitoringCtrlr" when component.Evse is null => MonitoringVariables(),
        "SampledDataCtrlr" when component.Evse is null => new(StringComparer.Ordinal)
        {
            ["TxUpdatedInterval"] = new(() => Seconds(TxUpdatedInterval), value => Write(value, 1, interval => TxUpdatedInterval = interval)),
        },
        "ChargingStation" when component.Evse is null => new(StringComparer.Ordinal)
        {
            ["AvailabilityState"] = new(StationAvailability),
            ["Model"] = new(() => station.Options.Model),
            ["VendorName"] = new(() => station.Options.VendorName),
            ["SerialNumber"] = new(() => station.Options.SerialNumber ?? ""),
            ["FirmwareVersion"] = new(() => station.FirmwareVersion),
        },
        "EVSE" when component.Evse is { ConnectorId: null } evse && station.FindEvse(evse.Id) is { } found => new(StringComparer.Ordinal)
        {
            ["AvailabilityState"] = new(() => Availability(found)),
            ["Power"] = new(() => found.Meter.PowerW.ToString(CultureInfo.InvariantCulture), Type: DataType.@decimal),
        },
        "Connector" when component.Evse is { ConnectorId: { } connectorId } evse && station.FindConnector(evse.Id, connectorId) is { } found => new(StringComparer.Ordinal)
        {
            ["AvailabilityState"] = new(() => Availability(found)),
        },
        _ => null,
    };

    private static bool Write(string value, int min, Action<TimeSpan> apply)
    {
        if (!TryParseSeconds(value, min, out var interval))
            return false;
        apply(interval);
        return true;
    }
}
