using DrivePower.Csms.Data;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Messages;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Tariffs;

/// <summary>
/// Every <see cref="TariffOptions.CostUpdatedIntervalSeconds"/>, sends each connected station a CostUpdated
/// for each of its active transactions that has a cost: the running cost stored with its latest
/// TransactionEvent (one query per round, not per event). A station that does not answer is skipped until next round.
/// </summary>
public sealed partial class CostUpdateSender(
    SqlRunner sql, StationConnections connections, IOptions<TariffOptions> options, TimeProvider time, ILogger<CostUpdateSender> logger)
    : BackgroundService
{
    private const string RunningSql = """
        SELECT station_id, transaction_id, total_cost FROM transactions
        WHERE is_active AND total_cost IS NOT NULL AND station_id = ANY(@stations)
        ORDER BY station_id, id
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CostUpdatedIntervalSeconds == 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CostUpdatedIntervalSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SendRoundAsync(stoppingToken);
                }
                catch (StorageException)
                {
                    // logged by the runner; the next round tries again
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendRoundAsync(CancellationToken cancellationToken)
    {
        var connected = connections.All.Where(session => session.Accepted).Select(session => session.StationId).ToArray();
        if (connected.Length == 0)
            return;
        var running = await sql.QueryAsync<RunningCost>("read the running costs", $"{connected.Length} stations", SqlRetry.Idempotent, RunningSql,
            new { stations = connected }, cancellationToken);
        // Stations in parallel, each one's transactions in turn (one CALL in flight per connection).
        await Task.WhenAll(running.GroupBy(row => row.StationId).Select(async station =>
        {
            foreach (var (stationId, transactionId, cost) in station)
            {
                if (connections.Find(stationId) is not { } session)
                    return;
                try
                {
                    await session.Connection.CallAsync(new CostUpdatedRequest { TotalCost = cost, TransactionId = transactionId }, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Log.NotSent(logger, stationId, transactionId, exception.Message);
                    return;
                }
            }
        }));
    }

    private sealed record RunningCost(string StationId, string TransactionId, decimal TotalCost);

    private static partial class Log
    {
        [LoggerMessage(1201, LogLevel.Information, "CostUpdated for transaction {TransactionId} not delivered to station {StationId}: {Reason}",
            EventName = "CostUpdatedNotDelivered")]
        public static partial void NotSent(ILogger logger, string stationId, string transactionId, string reason);
    }
}
