using DrivePower.Csms.Data;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Journal;

/// <summary>
/// Deletes journal rows older than <see cref="JournalOptions.RetentionHours"/> (0: none), at start and
/// every <see cref="JournalOptions.PurgeIntervalSeconds"/>, in chunks so that no statement holds many
/// rows' locks for long. A failed purge (database away) is logged by the runner and tried next time.
/// </summary>
public sealed class JournalPurge(SqlRunner sql, IOptions<JournalOptions> options, TimeProvider time) : BackgroundService
{
    private const int Chunk = 10_000;

    private const string DeleteSql = """
        DELETE FROM ocpp_journal
        WHERE id IN (SELECT id FROM ocpp_journal WHERE at < @cutoff ORDER BY id LIMIT @chunk)
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionHours == 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PurgeIntervalSeconds), time);
        try
        {
            do
            {
                try
                {
                    await PurgeAsync(time.GetUtcNow().AddHours(-options.Value.RetentionHours), stoppingToken);
                }
                catch (StorageException)
                {
                    // logged by the runner; the next round tries again
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes every row from before <paramref name="cutoff"/>; returns how many.</summary>
    internal async Task<long> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        long total = 0;
        int deleted;
        do
        {
            deleted = await sql.ExecuteAsync("purge the message journal", $"rows before {cutoff:O}", SqlRetry.Idempotent, DeleteSql, parameters =>
            {
                parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
                parameters.AddWithValue("chunk", Chunk);
            }, cancellationToken);
            total += deleted;
        }
        while (deleted == Chunk && !cancellationToken.IsCancellationRequested);
        return total;
    }
}
