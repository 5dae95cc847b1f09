using System.Text.Json;

namespace DrivePower.Csms.Apis.Models;

/// <summary>A station as <c>GET /api/stations</c> lists it.</summary>
public sealed record StationSummary(
    string Id, bool Connected, DateTimeOffset? LastSeenAt, StationBoot Boot, IReadOnlyList<ConnectorStatusInfo> Connectors);

/// <summary>What the last BootNotification said, and how the CSMS answered it.</summary>
public sealed record StationBoot(
    string? VendorName, string? Model, string? SerialNumber, string? FirmwareVersion, string? ModemIccid, string? ModemImsi,
    string? LastBootReason, string? RegistrationStatus, DateTimeOffset? FirstBootAt, DateTimeOffset? LastBootAt);

/// <summary>The latest StatusNotification of a connector (<c>timestamp</c> is the station's).</summary>
public sealed record ConnectorStatusInfo(int EvseId, int ConnectorId, string Status, DateTimeOffset Timestamp);

/// <summary>The latest FirmwareStatusNotification or LogStatusNotification (<c>at</c>: when the CSMS got it).</summary>
public sealed record StatusReport(string Status, int? RequestId, DateTimeOffset? At);

/// <summary>A stored station notice (NotifyEvent eventData, SecurityEventNotification), payload as received.</summary>
public sealed record StationEventInfo(long Id, string Kind, string? EventType, DateTimeOffset Timestamp, JsonElement Payload, DateTimeOffset StoredAt);

/// <summary>One reported attribute of a device model variable.</summary>
public sealed record DeviceModelVariableInfo(
    string Component, string? ComponentInstance, int? EvseId, int? ConnectorId, string Variable, string? VariableInstance,
    string AttributeType, string? Value, string? Mutability, string? DataType, string? Unit, int? RequestId, DateTimeOffset ReportedAt);

/// <summary>One station in full, as <c>GET /api/stations/{id}</c> returns it.</summary>
public sealed record StationDetails(
    string Id,
    bool Connected,
    DateTimeOffset? LastSeenAt,
    StationBoot Boot,
    IReadOnlyList<ConnectorStatusInfo> Connectors,
    StatusReport? Firmware,
    StatusReport? Log,
    IReadOnlyList<StationEventInfo> RecentEvents,
    IReadOnlyList<DeviceModelVariableInfo> DeviceModel,
    IReadOnlyList<TransactionSummary> ActiveTransactions);
