using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using static DrivePower.Tests.Csms.Operator.TransactionEvents;

namespace DrivePower.Tests.Csms.Operator;

public sealed class TransactionsApiTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task Transactions_are_listed_by_station_and_activity_and_one_comes_with_its_meter_values_and_events()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("TXAPI-1");
        await station.CallAsync(Event(TransactionEventType.Started, 0, "txapi-open", 100m, ChargingState.Charging, idToken: Token("API-CARD")));
        await station.CallAsync(Event(TransactionEventType.Started, 0, "txapi-done", 1000m, evseId: 2));
        await station.CallAsync(Event(TransactionEventType.Ended, 1, "txapi-done", 1800m, reason: StoppedReason.Remote, evseId: 2));

        var all = await csms.Http.GetJsonAsync("/api/transactions?stationId=TXAPI-1");
        var active = await csms.Http.GetJsonAsync("/api/transactions?stationId=TXAPI-1&active=true");
        var ended = await csms.Http.GetJsonAsync("/api/transactions?stationId=TXAPI-1&active=false");
        var none = await csms.Http.GetJsonAsync("/api/transactions?stationId=NOBODY");

        Assert.Equal(2, all.GetArrayLength());
        Assert.Equal("txapi-open", Assert.Single(active.EnumerateArray()).GetProperty("transactionId").GetString());
        var done = Assert.Single(ended.EnumerateArray());
        Assert.Equal(0, none.GetArrayLength());
        Assert.Equal(800m, done.GetProperty("energyWh").GetDecimal());
        Assert.Equal("Remote", done.GetProperty("stoppedReason").GetString());

        var details = await csms.Http.GetJsonAsync($"/api/transactions/{done.GetProperty("id").GetInt64()}");

        Assert.Equal("txapi-done", details.GetProperty("transaction").GetProperty("transactionId").GetString());
        Assert.Equal(["Started", "Ended"], details.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()));
        Assert.Equal("txapi-done", details.GetProperty("events")[1].GetProperty("payload").GetProperty("transactionInfo").GetProperty("transactionId").GetString());
        Assert.Equal(4, details.GetProperty("meterValues").GetArrayLength());
        Assert.Contains(details.GetProperty("meterValues").EnumerateArray(), m =>
            m.GetProperty("measurand").GetString() == "Energy.Active.Import.Register" && m.GetProperty("value").GetDecimal() == 1800m);
    }

    [Fact]
    public async Task An_unknown_transaction_is_a_404_problem()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.GetAsync("/api/transactions/987654321");

        await response.ProblemAsync(404);
    }
}
