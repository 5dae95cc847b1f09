using DrivePower.Csms.Events;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Infrastructure;
using static DrivePower.Tests.Csms.Operator.TransactionEvents;

namespace DrivePower.Tests.Csms.Operator;

public sealed class LiveEventsTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    private static CancellationTokenSource Timeout() => new(TimeSpan.FromSeconds(20));

    [Fact]
    public async Task Every_event_has_an_id_one_higher_than_the_one_before()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("LE-IDS");
        using var timeout = Timeout();
        await using var stream = await EventStream.OpenAsync(csms.Http, "/api/events", cancellationToken: timeout.Token);

        await station.ReportStatusAsync(1, 1, ConnectorStatus.Occupied);
        await station.ReportStatusAsync(1, 1, ConnectorStatus.Available);
        var first = await stream.NextOfTypeAsync("status", timeout.Token);
        var second = await stream.NextOfTypeAsync("status", timeout.Token);

        Assert.NotNull(first.Id);
        Assert.Equal(first.Id + 1, second.Id);
    }

    [Fact]
    public async Task A_client_reconnecting_with_Last_Event_ID_gets_the_events_it_missed_in_order()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("LE-MISSED");
        using var timeout = Timeout();
        long lastSeen;
        await using (var stream = await EventStream.OpenAsync(csms.Http, "/api/events?stationId=LE-MISSED", cancellationToken: timeout.Token))
        {
            await station.ReportStatusAsync(1, 1, ConnectorStatus.Occupied);
            lastSeen = (await stream.NextOfTypeAsync("status", timeout.Token)).Id!.Value;
        }

        await station.ReportStatusAsync(1, 1, ConnectorStatus.Reserved);
        await station.ReportStatusAsync(1, 1, ConnectorStatus.Unavailable);
        await using var again = await EventStream.OpenAsync(csms.Http, "/api/events?stationId=LE-MISSED", lastSeen.ToString(), timeout.Token);

        var missed1 = await again.NextAsync(timeout.Token);
        var missed2 = await again.NextAsync(timeout.Token);
        Assert.Equal(("status", "Reserved"), (missed1.Type, missed1.Data.GetProperty("status").GetString()));
        Assert.Equal(("status", "Unavailable"), (missed2.Type, missed2.Data.GetProperty("status").GetString()));
        Assert.True(missed1.Id > lastSeen && missed2.Id > missed1.Id);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_gap_larger_than_the_ring_or_an_id_from_before_a_restart_is_a_reset_event(bool fromBeforeRestart)
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString, new Dictionary<string, string?> { ["Csms:EventsReplayCapacity"] = "2" });
        await using var station = await csms.ConnectBootedAsync("LE-GAP");
        var hub = csms.Get<StationEventHub>();
        var asked = fromBeforeRestart ? hub.LastId + 1000 : hub.LastId;
        for (var i = 0; i < 3; i++)
            await station.ReportStatusAsync(1, 1, i % 2 == 0 ? ConnectorStatus.Occupied : ConnectorStatus.Available);
        using var timeout = Timeout();

        await using var stream = await EventStream.OpenAsync(csms.Http, "/api/events", asked.ToString(), timeout.Token);
        var reset = await stream.NextAsync(timeout.Token);

        Assert.Equal("reset", reset.Type);
        Assert.Equal(hub.LastId, reset.Id);
        Assert.Equal(asked, reset.Data.GetProperty("lastEventId").GetInt64());
        await station.ReportStatusAsync(1, 1, ConnectorStatus.Faulted);
        Assert.Equal(reset.Id + 1, (await stream.NextOfTypeAsync("status", timeout.Token)).Id);
    }

    [Fact]
    public async Task A_Last_Event_ID_that_is_not_a_number_is_400()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Add("Last-Event-ID", "yesterday");

        using var response = await csms.Http.SendAsync(request);

        await response.ProblemAsync(400);
    }

    [Fact]
    public async Task Heartbeats_are_events_while_a_stream_listens_and_cost_no_event_while_none_does()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("LE-BEAT");
        var hub = csms.Get<StationEventHub>();
        var before = hub.LastId;

        await station.CallAsync(new HeartbeatRequest());
        Assert.False(hub.WantsFrequentEvents);
        Assert.Equal(before, hub.LastId); // no event was made

        using var timeout = Timeout();
        await using var stream = await EventStream.OpenAsync(csms.Http, "/api/events?stationId=LE-BEAT", cancellationToken: timeout.Token);
        await Sql.EventuallyAsync(() => Task.FromResult(hub.WantsFrequentEvents));
        await station.CallAsync(new HeartbeatRequest());
        var heartbeat = await stream.NextOfTypeAsync("heartbeat", timeout.Token);

        Assert.Equal("LE-BEAT", heartbeat.Data.GetProperty("stationId").GetString());
    }

    [Fact]
    public async Task Meter_values_outside_a_transaction_are_an_event_with_the_register_reading()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("LE-METER");
        using var timeout = Timeout();
        await using var stream = await EventStream.OpenAsync(csms.Http, "/api/events?stationId=LE-METER", cancellationToken: timeout.Token);

        await station.CallAsync(new MeterValuesRequest { EvseId = 2, MeterValue = [Reading(T0, 1234.5m)] });
        var meter = await stream.NextOfTypeAsync("meterValues", timeout.Token);

        Assert.Equal(2, meter.Data.GetProperty("evseId").GetInt32());
        Assert.Equal(2, meter.Data.GetProperty("values").GetInt32());
        Assert.Equal(1234.5m, meter.Data.GetProperty("meterWh").GetDecimal());
    }

    [Fact]
    public async Task An_operator_command_is_an_event_when_sent_and_another_with_its_outcome_when_answered()
    {
        var handlers = new OcppHandlerRegistry().On<ClearCacheRequest, ClearCacheResponse>((_, _, _) =>
            throw new OcppCallErrorException("GenericError", "Cache is locked"));
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("LE-CMD", handlers);
        using var timeout = Timeout();
        await using var stream = await EventStream.OpenAsync(csms.Http, "/api/events?stationId=LE-CMD", cancellationToken: timeout.Token);

        using var response = await csms.Http.PostRawAsync("/api/stations/LE-CMD/commands/ClearCache", "{}");
        var sent = await stream.NextOfTypeAsync("commandSent", timeout.Token);
        var answered = await stream.NextOfTypeAsync("commandAnswered", timeout.Token);

        Assert.Equal("ClearCache", sent.Data.GetProperty("action").GetString());
        Assert.Equal(("ClearCache", "CallError", "GenericError"), (answered.Data.GetProperty("action").GetString(),
            answered.Data.GetProperty("outcome").GetString(), answered.Data.GetProperty("errorCode").GetString()));
        Assert.True(answered.Data.GetProperty("roundTripMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task A_command_sent_through_its_own_endpoint_is_published_like_one_sent_through_the_commands_endpoint()
    {
        var handlers = new OcppHandlerRegistry().On<ReserveNowRequest, ReserveNowResponse>((_, _, _) =>
            ValueTask.FromResult(new ReserveNowResponse { Status = ReserveNowStatus.Accepted }));
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("LE-OWN", handlers);
        using var timeout = Timeout();
        await using var stream = await EventStream.OpenAsync(csms.Http, "/api/events?stationId=LE-OWN", cancellationToken: timeout.Token);

        using var response = await csms.Http.PostRawAsync("/api/stations/LE-OWN/reservations",
            """{"id":9,"expiryDateTime":"2030-01-01T00:00:00Z","idToken":{"idToken":"CARD-E","type":"ISO14443"}}""");
        var sent = await stream.NextOfTypeAsync("commandSent", timeout.Token);
        var answered = await stream.NextOfTypeAsync("commandAnswered", timeout.Token);

        Assert.True((await response.JsonAsync()).GetProperty("applied").GetBoolean());
        Assert.Equal(("ReserveNow", "ReserveNow", "Answered"), (sent.Data.GetProperty("action").GetString(),
            answered.Data.GetProperty("action").GetString(), answered.Data.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task energyWh_means_the_energy_delivered_in_the_session_in_events_and_in_the_REST_API_alike()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("LE-ENERGY");
        using var timeout = Timeout();
        await using var stream = await EventStream.OpenAsync(csms.Http, "/api/events?stationId=LE-ENERGY", cancellationToken: timeout.Token);

        await station.CallAsync(Event(TransactionEventType.Started, 0, "le-energy", 1000m));
        await station.CallAsync(Event(TransactionEventType.Updated, 1, "le-energy", 1250m, ChargingState.Charging));
        var updated = (await stream.NextOfTypeAsync("transactionUpdated", timeout.Token)).Data;
        var rest = await csms.Http.GetJsonAsync($"/api/transactions/{updated.GetProperty("id").GetInt64()}");
        var transaction = rest.GetProperty("transaction");

        Assert.Equal(250m, updated.GetProperty("energyWh").GetDecimal());
        Assert.Equal(1250m, updated.GetProperty("energyEndWh").GetDecimal());
        Assert.Equal(1000m, updated.GetProperty("energyStartWh").GetDecimal());
        foreach (var name in new[] { "energyWh", "energyEndWh", "energyStartWh" })
            Assert.Equal(transaction.GetProperty(name).GetDecimal(), updated.GetProperty(name).GetDecimal());

        await station.CallAsync(Event(TransactionEventType.Ended, 2, "le-energy", 1300m, reason: StoppedReason.EVDisconnected));
        var ended = (await stream.NextOfTypeAsync("transactionEnded", timeout.Token)).Data;
        Assert.Equal(300m, ended.GetProperty("energyWh").GetDecimal());
    }
}
