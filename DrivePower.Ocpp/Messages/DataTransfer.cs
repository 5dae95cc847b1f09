using System.Text.Json;

namespace DrivePower.Ocpp.Messages;

/// <summary>Vendor-specific data, sent either way. <see cref="Data"/> is any JSON value (the schema gives it no type).</summary>
public sealed record DataTransferRequest : IOcppRequest<DataTransferResponse>
{
    [OcppMaxLength(50)]
    public string? MessageId { get; init; }

    public JsonElement? Data { get; init; }

    [OcppMaxLength(255)]
    public required string VendorId { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record DataTransferResponse : IOcppResponse
{
    public required DataTransferStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public JsonElement? Data { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum DataTransferStatus
{
    Accepted,
    Rejected,
    UnknownMessageId,
    UnknownVendorId,
}
