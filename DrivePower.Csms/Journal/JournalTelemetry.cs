using System.Diagnostics.Metrics;

namespace DrivePower.Csms.Journal;

/// <summary>
/// The journal's meter: <c>ocpp.journal.frames</c> written, <c>ocpp.journal.batch.size</c> (frames per COPY) and
/// <c>ocpp.journal.dropped</c> (by <c>reason</c>: queue_full, write_failed).
/// </summary>
public sealed class JournalTelemetry
{
    public const string Name = "DrivePower.Csms.Journal";

    private readonly Counter<long> _written;
    private readonly Counter<long> _dropped;
    private readonly Histogram<long> _batchSize;

    public JournalTelemetry(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _written = meter.CreateCounter<long>("ocpp.journal.frames", "{frame}", "Frames written to the message journal.");
        _batchSize = meter.CreateHistogram<long>("ocpp.journal.batch.size", "{frame}", "Frames written to the message journal in one COPY.");
        _dropped = meter.CreateCounter<long>("ocpp.journal.dropped", "{frame}", "Frames the message journal lost: its queue was full, or their batch could not be written.");
    }

    internal void Written(int count)
    {
        _written.Add(count);
        _batchSize.Record(count);
    }

    internal void Dropped(int count, string reason) => _dropped.Add(count, new KeyValuePair<string, object?>("reason", reason));
}
