using DrivePower.Csms.Data;

namespace DrivePower.Csms.Journal;

/// <summary>
/// Reads the message journal, for the operator API and the web console alike. A CALL is linked to its
/// answer when read, not when written: the answer is the nearest later CALLRESULT or CALLERROR of the
/// same station and message id going the other way (and an answer's CALL the nearest earlier CALL), and
/// the round trip is the difference of their times. Pairing at read time keeps the writer stateless,
/// links what was written in different batches, and survives a dropped frame (its partner just stays
/// unlinked). The partner is looked for among the station's frames within <see cref="LinkWindow"/> ids
/// (ix_ocpp_journal_station_id), so an unpaired frame costs a bounded scan, not the station's history.
/// </summary>
public sealed class JournalQueries(SqlRunner sql)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>
    /// How many journal ids apart a CALL and its answer may be and still be paired: far beyond a call
    /// timeout's worth of frames at the load benchmark's rate (~40,000 frames/s).
    /// </summary>
    public const long LinkWindow = 5_000_000;

    private static readonly string SelectSql = $$"""
        SELECT j.id, j.station_id, j.direction, j.frame_type, j.message_id, j.action, j.payload, j.error_code, j.error_description, j.at,
               l.id AS linked_id, l.at AS linked_at
        FROM ocpp_journal AS j
        LEFT JOIN LATERAL (
            SELECT a.id, a.at FROM ocpp_journal AS a
            WHERE a.station_id = j.station_id AND a.message_id = j.message_id AND a.direction <> j.direction
              AND a.id BETWEEN j.id - {{LinkWindow}} AND j.id + {{LinkWindow}}
              AND CASE WHEN j.frame_type = 'CALL' THEN a.frame_type IN ('CALLRESULT', 'CALLERROR') AND a.id > j.id
                       ELSE j.frame_type IN ('CALLRESULT', 'CALLERROR') AND a.frame_type = 'CALL' AND a.id < j.id END
            ORDER BY CASE WHEN j.frame_type = 'CALL' THEN a.id ELSE -a.id END
            LIMIT 1
        ) AS l ON true
        """;

    private static readonly string ListSql = SelectSql + """

        WHERE (@station::text IS NULL OR j.station_id = @station)
          AND (@action::text IS NULL OR j.action = @action)
          AND (@direction::text IS NULL OR j.direction = @direction)
          AND (NOT @errors OR j.frame_type IN ('CALLERROR', 'MALFORMED'))
          AND (@from::timestamptz IS NULL OR j.at >= @from)
          AND (@to::timestamptz IS NULL OR j.at < @to)
          AND (@before::bigint IS NULL OR j.id < @before)
        ORDER BY j.id DESC
        LIMIT @limit
        """;

    // The frames after an id, oldest first: what a live client reconnecting with Last-Event-ID missed.
    private static readonly string AfterSql = SelectSql + """

        WHERE j.id > @after AND (@station::text IS NULL OR j.station_id = @station)
        ORDER BY j.id
        LIMIT @limit
        """;

    private static readonly string ByIdSql = SelectSql + """

        WHERE j.id = @id
        """;

    /// <summary>Frames matching <paramref name="filter"/>, newest first, older than id <paramref name="before"/> when given.</summary>
    public async Task<JournalPage> ListAsync(JournalFilter filter, long? before, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        var parameters = new
        {
            station = filter.StationId,
            action = filter.Action,
            direction = filter.Direction,
            errors = filter.ErrorsOnly,
            from = filter.From?.ToUniversalTime(),
            to = filter.To?.ToUniversalTime(),
            before,
            limit,
        };
        var entries = await ReadAsync("list the message journal", filter.StationId ?? "all stations", ListSql, parameters, cancellationToken);
        return new JournalPage(entries, entries.Count == limit ? entries[^1].Id : null);
    }

    /// <summary>Up to <paramref name="limit"/> frames after id <paramref name="after"/>, oldest first (one station's, when given).</summary>
    public Task<List<JournalEntry>> ListAfterAsync(long after, string? stationId, int limit, CancellationToken cancellationToken) =>
        ReadAsync("list the message journal after an id", stationId ?? "all stations", AfterSql, new { after, station = stationId, limit }, cancellationToken);

    /// <summary>One frame with the frame it is linked to; null when no such frame is stored.</summary>
    public async Task<JournalEntryDetails?> GetAsync(long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } entry)
            return null;
        var linked = entry.LinkedId is { } linkedId ? await FindAsync(linkedId, cancellationToken) : null;
        return new JournalEntryDetails(entry, linked);
    }

    private async Task<JournalEntry?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await ReadAsync("read a message journal entry", id.ToString(System.Globalization.CultureInfo.InvariantCulture), ByIdSql, new { id }, cancellationToken))
        .FirstOrDefault();

    private async Task<List<JournalEntry>> ReadAsync(string operation, string subject, string statement, object parameters, CancellationToken cancellationToken) =>
        (await sql.QueryAsync<EntryRow>(operation, subject, SqlRetry.Idempotent, statement, parameters, cancellationToken)).ConvertAll(row => row.Entry);

    private sealed record EntryRow(
        long Id, string StationId, string Direction, string FrameType, string? MessageId, string? Action,
        string Payload, string? ErrorCode, string? ErrorDescription, DateTimeOffset At, long? LinkedId, DateTimeOffset? LinkedAt)
    {
        public JournalEntry Entry => new(Id, StationId, Direction, FrameType, MessageId, Action, Payload, ErrorCode, ErrorDescription, At)
        {
            LinkedId = LinkedId,
            RoundTripMs = LinkedAt is { } other ? Math.Abs((other - At).TotalMilliseconds) : null,
        };
    }
}
