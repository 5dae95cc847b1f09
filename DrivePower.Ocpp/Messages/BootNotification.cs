namespace DrivePower.Ocpp.Messages;

public sealed record BootNotificationRequest : IOcppRequest<BootNotificationResponse>
{
    public required ChargingStation ChargingStation { get; init; }
    public required BootReason Reason { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record BootNotificationResponse : IOcppResponse
{
    public required DateTimeOffset CurrentTime { get; init; }
    public required int Interval { get; init; }
    public required RegistrationStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record ChargingStation
{
    [OcppMaxLength(25)]
    public string? SerialNumber { get; init; }

    [OcppMaxLength(20)]
    public required string Model { get; init; }

    public Modem? Modem { get; init; }

    [OcppMaxLength(50)]
    public required string VendorName { get; init; }

    [OcppMaxLength(50)]
    public string? FirmwareVersion { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record Modem
{
    [OcppMaxLength(20)]
    public string? Iccid { get; init; }

    [OcppMaxLength(20)]
    public string? Imsi { get; init; }

    public CustomData? CustomData { get; init; }
}

public enum BootReason
{
    ApplicationReset,
    FirmwareUpdate,
    LocalReset,
    PowerUp,
    RemoteReset,
    ScheduledReset,
    Triggered,
    Unknown,
    Watchdog,
}

public enum RegistrationStatus
{
    Accepted,
    Pending,
    Rejected,
}
