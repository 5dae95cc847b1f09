namespace DrivePower.Ocpp.Messages;

/// <summary>A message to show on the station's display.</summary>
public sealed record MessageContent
{
    public required MessageFormat Format { get; init; }

    [OcppMaxLength(8)]
    public string? Language { get; init; }

    [OcppMaxLength(512)]
    public required string Content { get; init; }

    public CustomData? CustomData { get; init; }
}

public enum MessageFormat
{
    ASCII,
    HTML,
    URI,
    UTF8,
}
