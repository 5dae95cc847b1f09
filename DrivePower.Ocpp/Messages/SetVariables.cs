namespace DrivePower.Ocpp.Messages;

public sealed record SetVariablesRequest : IOcppRequest<SetVariablesResponse>
{
    [OcppItems(Min = 1)]
    public required IReadOnlyList<SetVariableData> SetVariableData { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record SetVariablesResponse : IOcppResponse
{
    [OcppItems(Min = 1)]
    public required IReadOnlyList<SetVariableResult> SetVariableResult { get; init; }

    public CustomData? CustomData { get; init; }
}

public sealed record SetVariableData
{
    public AttributeType? AttributeType { get; init; }

    [OcppMaxLength(1000)]
    public required string AttributeValue { get; init; }

    public required Component Component { get; init; }
    public required Variable Variable { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record SetVariableResult
{
    public AttributeType? AttributeType { get; init; }
    public required SetVariableStatus AttributeStatus { get; init; }
    public StatusInfo? AttributeStatusInfo { get; init; }
    public required Component Component { get; init; }
    public required Variable Variable { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum SetVariableStatus
{
    Accepted,
    Rejected,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType,
    RebootRequired,
}
