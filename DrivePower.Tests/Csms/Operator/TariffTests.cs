using System.Net.Http.Json;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using static DrivePower.Tests.Csms.Operator.TransactionEvents;

namespace DrivePower.Tests.Csms.Operator;

/// <summary>
/// Block I on the CSMS: the tariff API, and the cost it puts in TransactionEvent answers and on the
/// transaction. The test events are one minute apart by seqNo (<see cref="TransactionEvents.Event"/>).
/// </summary>
public sealed class TariffTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly object Default = new { currency = "EUR", pricePerKwh = 0.30m, pricePerMinute = 0.05m, pricePerSession = 0.50m };

    [Fact]
    public async Task Only_Ended_answers_carry_the_cost_the_final_one_and_the_transaction_keeps_the_running_cost_meanwhile()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("TARIFF-1");
        (await csms.Http.PutAsJsonAsync("/api/tariff", Default)).EnsureSuccessStatusCode();

        var started = await station.CallAsync(Event(TransactionEventType.Started, 0, "tariff-tx", 1000m, ChargingState.Charging));
        var first = await station.CallAsync(Event(TransactionEventType.Updated, 1, "tariff-tx", 2500m));
        var second = await station.CallAsync(Event(TransactionEventType.Updated, 2, "tariff-tx", 4000m));
        var running = Assert.Single((await csms.Http.GetJsonAsync("/api/transactions?stationId=TARIFF-1")).EnumerateArray());
        var ended = await station.CallAsync(Event(TransactionEventType.Ended, 10, "tariff-tx", 8333m, reason: StoppedReason.EVDisconnected));

        // The schema: totalCost "SHALL only be sent when charging has ended"; the running cost goes by CostUpdated.
        Assert.Equal((null, null, null), (started.TotalCost, first.TotalCost, second.TotalCost));
        Assert.Equal(1.50m, running.GetProperty("totalCost").GetDecimal()); // 0.50 + 3 kWh x 0.30 + 2 min x 0.05
        Assert.Equal(3.20m, ended.TotalCost);  // 0.50 + 7.333 kWh x 0.30 + 10 min x 0.05 = 3.1999
        var transaction = Assert.Single((await csms.Http.GetJsonAsync("/api/transactions?stationId=TARIFF-1")).EnumerateArray());
        Assert.Equal(3.20m, transaction.GetProperty("totalCost").GetDecimal());
        Assert.Equal("EUR", transaction.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Without_a_tariff_no_cost_is_sent_or_stored()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("TARIFF-NONE");
        await csms.Http.DeleteAsync("/api/tariff");

        await station.CallAsync(Event(TransactionEventType.Started, 0, "free-tx", 1000m));
        var updated = await station.CallAsync(Event(TransactionEventType.Updated, 1, "free-tx", 2000m));
        var ended = await station.CallAsync(Event(TransactionEventType.Ended, 2, "free-tx", 3000m));

        Assert.Null(updated.TotalCost);
        Assert.Null(ended.TotalCost);
        var transaction = Assert.Single((await csms.Http.GetJsonAsync("/api/transactions?stationId=TARIFF-NONE")).EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, transaction.GetProperty("totalCost").ValueKind);
    }

    [Fact]
    public async Task A_station_override_wins_over_the_default_until_it_is_removed()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("TARIFF-OWN");
        (await csms.Http.PutAsJsonAsync("/api/tariff", Default)).EnsureSuccessStatusCode();
        (await csms.Http.PutAsJsonAsync("/api/stations/TARIFF-OWN/tariff",
            new { currency = "SEK", pricePerKwh = 0m, pricePerMinute = 0m, pricePerSession = 25m })).EnsureSuccessStatusCode();

        await station.CallAsync(Event(TransactionEventType.Started, 0, "own-tx", 1000m));
        var own = await station.CallAsync(Event(TransactionEventType.Ended, 4, "own-tx", 5000m));
        var tariff = await csms.Http.GetJsonAsync("/api/stations/TARIFF-OWN/tariff");
        using var removed = await csms.Http.DeleteAsync("/api/stations/TARIFF-OWN/tariff");
        await station.CallAsync(Event(TransactionEventType.Started, 0, "default-tx", 1000m));
        var byDefault = await station.CallAsync(Event(TransactionEventType.Ended, 4, "default-tx", 5000m));

        Assert.Equal(25.00m, own.TotalCost);
        Assert.Equal("SEK", tariff.GetProperty("currency").GetString());
        Assert.Equal(204, (int)removed.StatusCode);
        Assert.Equal(1.90m, byDefault.TotalCost); // 0.50 + 4 kWh x 0.30 + 4 min x 0.05
        using var gone = await csms.Http.GetAsync("/api/stations/TARIFF-OWN/tariff");
        await gone.ProblemAsync(404);
    }

    [Theory]
    [InlineData("""{"currency":"EUR","pricePerKwh":-0.1,"pricePerMinute":0,"pricePerSession":0}""", "pricePerKwh")]
    [InlineData("""{"currency":"eur","pricePerKwh":0.1,"pricePerMinute":0,"pricePerSession":0}""", "currency")]
    [InlineData("""{"currency":"EURO","pricePerKwh":0.1,"pricePerMinute":0,"pricePerSession":0}""", "currency")]
    [InlineData("""{"currency":"EUR","pricePerKwh":0.1,"pricePerSession":0}""", "pricePerMinute")]
    [InlineData("""{"currency":"EUR","pricePerKwh":0.1,"pricePerMinute":0.00001,"pricePerSession":0}""", "pricePerMinute")]
    public async Task A_bad_tariff_is_a_validation_problem_naming_the_field(string body, string field)
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.PutAsync("/api/tariff", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_override_for_an_unknown_station_is_a_404_problem()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.PutAsJsonAsync("/api/stations/NOBODY-HERE/tariff", Default);

        await response.ProblemAsync(404);
    }

    [Fact]
    public async Task Running_transactions_are_sent_their_stored_cost_in_a_periodic_CostUpdated()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString,
            new Dictionary<string, string?> { ["Csms:Tariff:CostUpdatedIntervalSeconds"] = "1" });
        var received = new TaskCompletionSource<CostUpdatedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlers = new DrivePower.Ocpp.Rpc.OcppHandlerRegistry().On<CostUpdatedRequest, CostUpdatedResponse>((_, request, _) =>
        {
            received.TrySetResult(request);
            return ValueTask.FromResult(new CostUpdatedResponse());
        });
        await using var station = await csms.ConnectBootedAsync("TARIFF-PUSH", handlers);
        (await csms.Http.PutAsJsonAsync("/api/tariff", Default)).EnsureSuccessStatusCode();

        await station.CallAsync(Event(TransactionEventType.Started, 0, "pushed-tx", 1000m));
        await station.CallAsync(Event(TransactionEventType.Updated, 1, "pushed-tx", 2500m));
        var update = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(("pushed-tx", 1.00m), (update.TransactionId, update.TotalCost));
    }
}
