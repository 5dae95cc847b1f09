namespace DrivePower.Ocpp.Messages;

public sealed record TriggerMessageRequest : IOcppRequest<TriggerMessageResponse>
{
    public Evse? Evse { get; init; }
    public required MessageTrigger RequestedMessage { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record TriggerMessageResponse : IOcppResponse
{
    public required TriggerMessageStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum MessageTrigger
{
    BootNotification,
    LogStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    SignChargingStationCertificate,
    SignV2GCertificate,
    StatusNotification,
    TransactionEvent,
    SignCombinedCertificate,
    PublishFirmwareStatusNotification,
}

public enum TriggerMessageStatus
{
    Accepted,
    Rejected,
    NotImplemented,
}
