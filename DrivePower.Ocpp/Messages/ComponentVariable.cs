namespace DrivePower.Ocpp.Messages;

/// <summary>A physical or logical component of the station's device model.</summary>
public sealed record Component
{
    [OcppMaxLength(50)]
    public required string Name { get; init; }

    [OcppMaxLength(50)]
    public string? Instance { get; init; }

    public Evse? Evse { get; init; }

    public CustomData? CustomData { get; init; }
}

/// <summary>A variable of a <see cref="Component"/>.</summary>
public sealed record Variable
{
    [OcppMaxLength(50)]
    public required string Name { get; init; }

    [OcppMaxLength(50)]
    public string? Instance { get; init; }

    public CustomData? CustomData { get; init; }
}

/// <summary>A component, and optionally one of its variables, that a request is about (all its variables without one).</summary>
public sealed record ComponentVariable
{
    public required Component Component { get; init; }
    public Variable? Variable { get; init; }
    public CustomData? CustomData { get; init; }
}

/// <summary>Which attribute of a variable: the actual value, the target, or a set limit.</summary>
public enum AttributeType
{
    Actual,
    Target,
    MinSet,
    MaxSet,
}
