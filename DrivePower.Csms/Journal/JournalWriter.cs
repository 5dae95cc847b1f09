using DrivePower.Csms.Data;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Journal;

/// <summary>
/// Writes the journal's queue to <c>ocpp_journal</c>: what has gathered
/// <see cref="JournalOptions.GatherMilliseconds"/> after the first frame (at once when
/// <see cref="JournalOptions.MaxBatchSize"/> are queued) in one binary COPY, so batches grow with load and
/// a lone frame is written within that time. Ids are taken from the table's sequence first, so the
/// written entries go to live subscribers with their ids. A batch that cannot be written is dropped and
/// counted (the journal is a record, not a delivery: nothing waits for it), and the writer pauses a
/// second before the next. On stop it takes no more frames and writes what is queued.
/// </summary>
public sealed class JournalWriter(MessageJournal journal, SqlRunner sql) : BackgroundService
{
    // The sequence is looked up once per batch, not once per id: in the select list the lookup ran per
    // row and took 7 of 7.2 ms for 1,000 ids (EXPLAIN ANALYZE); this way the 1,000 take about 1 ms.
    private const string NextIdsSql = """
        WITH journal AS MATERIALIZED (SELECT pg_get_serial_sequence('ocpp_journal', 'id')::regclass AS sequence)
        SELECT nextval(journal.sequence) FROM journal, generate_series(1, @count)
        """;

    private const string CopySql = """
        COPY ocpp_journal (id, station_id, direction, frame_type, message_id, action, payload, error_code, error_description, at)
        FROM STDIN (FORMAT BINARY)
        """;

    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<JournalEntry>(Math.Min(journal.Options.MaxBatchSize, 1024));
        // Not the stopping token: on stop the queue is completed, and what it holds is still written.
        while (await journal.Queue.WaitToReadAsync(CancellationToken.None))
        {
            // PostgreSQL's cost of a COPY is mostly per statement: at 10,000 calls/s, gathering 50 ms took
            // 5-10 µs of its CPU off each call (docs/performance.md). Nothing waits for these rows.
            if (journal.Options.GatherMilliseconds > 0 && journal.Queue.Count < journal.Options.MaxBatchSize)
                await Task.Delay(journal.Options.GatherMilliseconds, CancellationToken.None);
            batch.Clear();
            while (batch.Count < journal.Options.MaxBatchSize && journal.Queue.TryRead(out var entry))
            {
                journal.Dequeued(entry);
                batch.Add(entry);
            }

            try
            {
                journal.Written(batch, await WriteAsync(batch));
            }
            catch (StorageException)
            {
                journal.Lost(batch.Count, "write_failed");
                await Task.Delay(PauseAfterFailure, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        journal.Complete();
        await base.StopAsync(cancellationToken);
    }

    /// <summary>Stores one batch; returns the ids its entries got, in order. Not retried: a rerun after a commit would store it twice.</summary>
    internal Task<long[]> WriteAsync(IReadOnlyList<JournalEntry> batch) =>
        sql.RunAsync("write the message journal", $"{batch.Count} frames", SqlRetry.Once, async (connection, cancellationToken) =>
        {
            var ids = new long[batch.Count];
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // The journal is a record, not a delivery: its commits need not wait for the WAL to reach the
            // disk, which leaves the disk to the stations' writes. A crash of PostgreSQL itself may lose the
            // journal's last fraction of a second (wal_writer_delay, 200 ms by default, times three).
            await using (var asynchronous = new NpgsqlCommand("SET LOCAL synchronous_commit = off", connection, transaction))
                await asynchronous.ExecuteNonQueryAsync(cancellationToken);
            await using (var next = new NpgsqlCommand(NextIdsSql, connection, transaction))
            {
                next.Parameters.AddWithValue("count", batch.Count);
                await next.PrepareAsync(cancellationToken); // as SqlRunner.ExecuteAsync says why
                await using var reader = await next.ExecuteReaderAsync(cancellationToken);
                for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
                    ids[i] = reader.GetInt64(0);
            }

            await using (var copy = await connection.BeginBinaryImportAsync(CopySql, cancellationToken))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var entry = batch[i];
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(ids[i], NpgsqlDbType.Bigint, cancellationToken);
                    await copy.WriteAsync(entry.StationId, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(entry.Direction, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(entry.FrameType, NpgsqlDbType.Varchar, cancellationToken);
                    await WriteTextAsync(copy, entry.MessageId, cancellationToken);
                    await WriteTextAsync(copy, entry.Action, cancellationToken);
                    await copy.WriteAsync(entry.Payload, NpgsqlDbType.Text, cancellationToken);
                    await WriteTextAsync(copy, entry.ErrorCode, cancellationToken);
                    await WriteTextAsync(copy, entry.ErrorDescription, cancellationToken);
                    await copy.WriteAsync(entry.At.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return ids;
        }, CancellationToken.None);

    private static Task WriteTextAsync(NpgsqlBinaryImporter copy, string? text, CancellationToken cancellationToken) =>
        text is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
}
