namespace DrivePower.Ocpp.Messages;

public sealed record GetBaseReportRequest : IOcppRequest<GetBaseReportResponse>
{
    public required int RequestId { get; init; }
    public required ReportBase ReportBase { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record GetBaseReportResponse : IOcppResponse
{
    public required GenericDeviceModelStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum ReportBase
{
    ConfigurationInventory,
    FullInventory,
    SummaryInventory,
}

public enum GenericDeviceModelStatus
{
    Accepted,
    Rejected,
    NotSupported,
    EmptyResultSet,
}
