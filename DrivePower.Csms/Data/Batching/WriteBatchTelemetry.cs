using System.Diagnostics;

namespace DrivePower.Csms.Data.Batching;

/// <summary>The activity source of batched writes: a span per batch, under its first caller's span.</summary>
public static class WriteBatchTelemetry
{
    public const string Name = "DrivePower.Csms.WriteBatching";

    internal static readonly ActivitySource Source = new(Name);
}
