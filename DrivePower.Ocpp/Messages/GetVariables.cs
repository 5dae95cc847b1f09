namespace DrivePower.Ocpp.Messages;

public sealed record GetVariablesRequest : IOcppRequest<GetVariablesResponse>
{
    [OcppItems(Min = 1)]
    public required IReadOnlyList<GetVariableData> GetVariableData { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record GetVariablesResponse : IOcppResponse
{
    [OcppItems(Min = 1)]
    public required IReadOnlyList<GetVariableResult> GetVariableResult { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record GetVariableData
{
    public AttributeType? AttributeType { get; init; }
    public required Component Component { get; init; }
    public required Variable Variable { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record GetVariableResult
{
    public StatusInfo? AttributeStatusInfo { get; init; }
    public required GetVariableStatus AttributeStatus { get; init; }
    public AttributeType? AttributeType { get; init; }

    [OcppMaxLength(2500)]
    public string? AttributeValue { get; init; }

    public required Component Component { get; init; }
    public required Variable Variable { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum GetVariableStatus
{
    Accepted,
    Rejected,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType,
}
