namespace DrivePower.Ocpp.Messages;

/// <summary>The CSMS's verdict on an <see cref="IdToken"/>.</summary>
public sealed record IdTokenInfo
{
    public required AuthorizationStatus Status { get; init; }

    public DateTimeOffset? CacheExpiryDateTime { get; init; }

    public int? ChargingPriority { get; init; }

    [OcppMaxLength(8)]
    public string? Language1 { get; init; }

    [OcppItems(Min = 1)]
    public IReadOnlyList<int>? EvseId { get; init; }

    public IdToken? GroupIdToken { get; init; }

    [OcppMaxLength(8)]
    public string? Language2 { get; init; }

    public MessageContent? PersonalMessage { get; init; }

    public CustomData? CustomData { get; init; }
}

public enum AuthorizationStatus
{
    Accepted,
    Blocked,
    ConcurrentTx,
    Expired,
    Invalid,
    NoCredit,
    NotAllowedTypeEVSE,
    NotAtThisLocation,
    NotAtThisTime,
    Unknown,
}
