using System.Text.Json.Serialization;

namespace DrivePower.Ocpp.Messages;

/// <summary>H01: reserve an EVSE (or any EVSE) for a token until expiryDateTime.</summary>
public sealed record ReserveNowRequest : IOcppRequest<ReserveNowResponse>
{
    public required int Id { get; init; }
    public required DateTimeOffset ExpiryDateTime { get; init; }
    public ConnectorType? ConnectorType { get; init; }
    public required IdToken IdToken { get; init; }
    public int? EvseId { get; init; }
    public IdToken? GroupIdToken { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record ReserveNowResponse : IOcppResponse
{
    public required ReserveNowStatus Status { get; init; }
    public StatusInfo? StatusInfo { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum ReserveNowStatus
{
    Accepted,
    Faulted,
    Occupied,
    Rejected,
    Unavailable,
}

/// <summary>The schema's ConnectorEnumType, with its wire names.</summary>
public enum ConnectorType
{
    [JsonStringEnumMemberName("cCCS1")] CCcs1,
    [JsonStringEnumMemberName("cCCS2")] CCcs2,
    [JsonStringEnumMemberName("cG105")] CG105,
    [JsonStringEnumMemberName("cTesla")] CTesla,
    [JsonStringEnumMemberName("cType1")] CType1,
    [JsonStringEnumMemberName("cType2")] CType2,
    [JsonStringEnumMemberName("s309-1P-16A")] S309OnePhase16A,
    [JsonStringEnumMemberName("s309-1P-32A")] S309OnePhase32A,
    [JsonStringEnumMemberName("s309-3P-16A")] S309ThreePhase16A,
    [JsonStringEnumMemberName("s309-3P-32A")] S309ThreePhase32A,
    [JsonStringEnumMemberName("sBS1361")] SBs1361,
    [JsonStringEnumMemberName("sCEE-7-7")] SCee77,
    [JsonStringEnumMemberName("sType2")] SType2,
    [JsonStringEnumMemberName("sType3")] SType3,
    Other1PhMax16A,
    Other1PhOver16A,
    Other3Ph,
    Pan,
    [JsonStringEnumMemberName("wInductive")] WInductive,
    [JsonStringEnumMemberName("wResonant")] WResonant,
    Undetermined,
    Unknown,
}
