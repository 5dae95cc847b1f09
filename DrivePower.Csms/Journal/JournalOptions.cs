using System.ComponentModel.DataAnnotations;

namespace DrivePower.Csms.Journal;

/// <summary>The message journal's settings, section <c>Csms:Journal</c>.</summary>
public sealed class JournalOptions
{
    public const string SectionName = "Csms:Journal";

    /// <summary>Whether frames are captured at all; false leaves the connections without an observer (no cost).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long rows are kept, in hours; 0 keeps them for ever.</summary>
    [Range(0, 87_600)]
    public int RetentionHours { get; set; } = 24;

    /// <summary>How often rows older than the retention are deleted.</summary>
    [Range(1, 86_400)]
    public int PurgeIntervalSeconds { get; set; } = 300;

    /// <summary>Frames waiting to be written; when full, new frames are dropped (and counted), never waited for.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>The payload text those frames may hold together, in MiB; over it, frames are dropped like a full queue.</summary>
    [Range(1, 4_096)]
    public int QueueMegabytes { get; set; } = 64;

    /// <summary>
    /// How long the writer lets frames gather before it writes fewer than <see cref="MaxBatchSize"/>: nothing
    /// waits for the journal, and PostgreSQL's cost is mostly per COPY, not per frame. 0 writes at once.
    /// </summary>
    [Range(0, 10_000)]
    public int GatherMilliseconds { get; set; } = 50;

    /// <summary>Most frames written in one COPY.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 1_000;
}
