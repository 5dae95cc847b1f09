using System.ComponentModel.DataAnnotations;

namespace DrivePower.Csms.Data.Batching;

/// <summary>Group commit of station writes, section <c>Csms:WriteBatching</c>.</summary>
public sealed class WriteBatchingOptions
{
    public const string SectionName = "Csms:WriteBatching";

    /// <summary>Most writes in one transaction.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>Writes waiting for a batch; when full, stations' calls wait (back-pressure).</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Batches written at once (each on its own database connection).</summary>
    [Range(1, 16)]
    public int Writers { get; set; } = 2;
}
