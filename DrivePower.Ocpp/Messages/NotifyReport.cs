namespace DrivePower.Ocpp.Messages;

public sealed record NotifyReportRequest : IOcppRequest<NotifyReportResponse>
{
    public required int RequestId { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }

    [OcppItems(Min = 1)]
    public IReadOnlyList<ReportData>? ReportData { get; init; }

    public bool? Tbc { get; init; }
    public required int SeqNo { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record NotifyReportResponse : IOcppResponse
{
    public CustomData? CustomData { get; init; }
}

/// <summary>A reported component-variable with its attributes and characteristics.</summary>
public sealed record ReportData
{
    public required Component Component { get; init; }
    public required Variable Variable { get; init; }

    [OcppItems(Min = 1, Max = 4)]
    public required IReadOnlyList<VariableAttribute> VariableAttribute { get; init; }

    public VariableCharacteristics? VariableCharacteristics { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record VariableAttribute
{
    public AttributeType? Type { get; init; }

    [OcppMaxLength(2500)]
    public string? Value { get; init; }

    public Mutability? Mutability { get; init; }
    public bool? Persistent { get; init; }
    public bool? Constant { get; init; }
    public CustomData? CustomData { get; init; }
}

public sealed record VariableCharacteristics
{
    [OcppMaxLength(16)]
    public string? Unit { get; init; }

    public required DataType DataType { get; init; }
    public decimal? MinLimit { get; init; }
    public decimal? MaxLimit { get; init; }

    [OcppMaxLength(1000)]
    public string? ValuesList { get; init; }

    public required bool SupportsMonitoring { get; init; }
    public CustomData? CustomData { get; init; }
}

public enum Mutability
{
    ReadOnly,
    WriteOnly,
    ReadWrite,
}

/// <summary>A variable's data type; the first five wire names are lower-case, as the schema has them.</summary>
public enum DataType
{
    @string,
    @decimal,
    integer,
    dateTime,
    boolean,
    OptionList,
    SequenceList,
    MemberList,
}
