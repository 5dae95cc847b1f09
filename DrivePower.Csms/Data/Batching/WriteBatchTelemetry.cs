using System.Diagnostics;

namespace DrivePower.Csms.Data.Batching;

/// <summary>The activity source of batched writes: a span per batch, under its first caller's span.</summary>
public static class WriteBatchTelemetry
{
    public const string Name = "DrivePower.Csms.WriteBatching";

    /// <summary>
    /// Links per batch span, at most: OpenTelemetry's default span limit (OTEL_SPAN_LINK_COUNT_LIMIT),
    /// beyond which its exporters drop them: a batch of 1,000 writes made 999 links to export 128.
    /// The batch's size stays on the span as a tag.
    /// </summary>
    public const int MaxLinks = 128;

    internal static readonly ActivitySource Source = new(Name);
}
