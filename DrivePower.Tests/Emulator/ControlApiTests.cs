using System.Net.Http.Json;
using System.Text.Json;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>The emulator's control API: a test as the driver and the hardware, the CSMS seeing what a real station would send.</summary>
public class ControlApiTests
{
    private static HttpClient Control(BootedStation station) => new() { BaseAddress = station.Emulator.ControlAddress, Timeout = TimeSpan.FromSeconds(20) };

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object? body = null, int status = 200)
    {
        using var response = body is null ? await http.PostAsync(path, null) : await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"POST {path}: expected {status}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static decimal Power(TransactionEventRequest e) =>
        e.MeterValue!.Single().SampledValue.Single(v => v.Measurand == Measurand.PowerActiveImport).Value;

    [Fact]
    public async Task Plugging_in_then_presenting_a_token_charges_and_unplugging_ends_the_transaction_EVDisconnected()
    {
        await using var station = await BootedStation.StartAsync("CP-CTL-PLUG");
        using var http = Control(station);

        await PostAsync(http, "/api/stations/CP-CTL-PLUG/evses/1/plug");
        var started = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Started);
        var token = await PostAsync(http, "/api/stations/CP-CTL-PLUG/evses/1/id-token", new { idToken = "CARD-7" });
        var charging = await station.WaitForAsync<TransactionEventRequest>(e => e.TransactionInfo.ChargingState == ChargingState.Charging);
        var view = await http.GetFromJsonAsync<JsonElement>("/api/stations/CP-CTL-PLUG");
        await PostAsync(http, "/api/stations/CP-CTL-PLUG/evses/1/unplug");
        var ended = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Ended);

        Assert.Equal(TriggerReason.CablePluggedIn, started.TriggerReason);
        Assert.Null(started.IdToken);
        Assert.True(token.GetProperty("accepted").GetBoolean());
        Assert.Contains(station.Received<AuthorizeRequest>(), a => a.IdToken.Token == "CARD-7");
        Assert.Equal("CARD-7", station.Received<TransactionEventRequest>().Single(e => e.TriggerReason == TriggerReason.Authorized).IdToken?.Token);
        Assert.Equal(started.TransactionInfo.TransactionId, charging.TransactionInfo.TransactionId);
        Assert.Equal("Occupied", view.GetProperty("evses")[0].GetProperty("connectors")[0].GetProperty("status").GetString());
        Assert.Equal("CARD-7", view.GetProperty("evses")[0].GetProperty("idToken").GetString());
        Assert.Equal((StoppedReason.EVDisconnected, TriggerReason.EVCommunicationLost), (ended.TransactionInfo.StoppedReason, ended.TriggerReason));
        await station.WaitForAsync<StatusNotificationRequest>(s => s.ConnectorStatus == ConnectorStatus.Available, skip: 1);
    }

    [Fact]
    public async Task A_token_presented_first_charges_when_the_EV_plugs_in_and_a_refused_token_starts_nothing()
    {
        await using var station = await BootedStation.StartAsync("CP-CTL-TOKEN");
        using var http = Control(station);

        station.Csms.AuthorizeStatus = AuthorizationStatus.Blocked;
        var refused = await PostAsync(http, "/api/stations/CP-CTL-TOKEN/evses/1/id-token", new { idToken = "BLOCKED-1" });
        station.Csms.AuthorizeStatus = AuthorizationStatus.Accepted;
        var first = await PostAsync(http, "/api/stations/CP-CTL-TOKEN/evses/1/id-token", new { idToken = "CARD-8", type = "ISO15693" });
        var noTransactionYet = station.Received<TransactionEventRequest>().Count;
        await PostAsync(http, "/api/stations/CP-CTL-TOKEN/evses/1/plug");
        var charging = await station.WaitForAsync<TransactionEventRequest>(e => e.TransactionInfo.ChargingState == ChargingState.Charging);

        Assert.False(refused.GetProperty("accepted").GetBoolean());
        Assert.True(first.GetProperty("accepted").GetBoolean());
        Assert.Equal(0, noTransactionYet);
        Assert.Equal(IdTokenType.ISO15693, station.Received<TransactionEventRequest>().Single(e => e.TriggerReason == TriggerReason.Authorized).IdToken?.Type);
        Assert.NotNull(charging);
    }

    [Fact]
    public async Task Starting_and_stopping_locally_use_the_stations_token_and_leave_the_EV_plugged_in()
    {
        await using var station = await BootedStation.StartAsync("CP-CTL-LOCAL", ("ID_TOKEN", "LOCAL-TOKEN-1"));
        using var http = Control(station);

        await PostAsync(http, "/api/stations/CP-CTL-LOCAL/evses/1/start");
        await station.WaitForAsync<TransactionEventRequest>(e => e.TransactionInfo.ChargingState == ChargingState.Charging);
        await PostAsync(http, "/api/stations/CP-CTL-LOCAL/evses/1/stop");
        var ended = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Ended);
        var view = await http.GetFromJsonAsync<JsonElement>("/api/stations/CP-CTL-LOCAL");

        Assert.Contains(station.Received<AuthorizeRequest>(), a => a.IdToken.Token == "LOCAL-TOKEN-1");
        Assert.Equal((StoppedReason.Local, TriggerReason.StopAuthorized, ChargingState.EVConnected),
            (ended.TransactionInfo.StoppedReason, ended.TriggerReason, ended.TransactionInfo.ChargingState));
        Assert.True(view.GetProperty("evses")[0].GetProperty("connectors")[0].GetProperty("plugged").GetBoolean());
        await PostAsync(http, "/api/stations/CP-CTL-LOCAL/evses/1/stop", status: 409);
    }

    [Fact]
    public async Task A_faulted_connector_ends_its_transaction_refuses_an_EV_and_is_Available_again_when_cleared()
    {
        await using var station = await BootedStation.StartAsync("CP-CTL-FAULT");
        using var http = Control(station);
        await PostAsync(http, "/api/stations/CP-CTL-FAULT/evses/1/start");
        await station.WaitForAsync<TransactionEventRequest>(e => e.TransactionInfo.ChargingState == ChargingState.Charging);

        await PostAsync(http, "/api/stations/CP-CTL-FAULT/evses/1/connectors/1/fault");
        var faulted = await station.WaitForAsync<StatusNotificationRequest>(s => s.ConnectorStatus == ConnectorStatus.Faulted);
        var ended = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Ended);
        await PostAsync(http, "/api/stations/CP-CTL-FAULT/evses/1/unplug");
        await PostAsync(http, "/api/stations/CP-CTL-FAULT/evses/1/plug", status: 409);
        using var cleared = await http.DeleteAsync("/api/stations/CP-CTL-FAULT/evses/1/connectors/1/fault");

        Assert.Equal(1, faulted.ConnectorId);
        Assert.Equal((StoppedReason.Other, TriggerReason.AbnormalCondition), (ended.TransactionInfo.StoppedReason, ended.TriggerReason));
        Assert.Equal(200, (int)cleared.StatusCode);
        await TestCsms.WaitUntilAsync(() => station.Received<StatusNotificationRequest>()[^1].ConnectorStatus == ConnectorStatus.Available, "Available after the fault");
    }

    [Fact]
    public async Task Offline_the_station_keeps_charging_and_sends_the_events_flagged_offline_when_back_online()
    {
        await using var station = await BootedStation.StartAsync("CP-CTL-NET");
        using var http = Control(station);
        await PostAsync(http, "/api/stations/CP-CTL-NET/evses/1/start");
        await station.WaitForAsync<TransactionEventRequest>(e => e.TransactionInfo.ChargingState == ChargingState.Charging);

        await PostAsync(http, "/api/stations/CP-CTL-NET/offline");
        await TestCsms.WaitUntilAsync(() => !station.Csms.IsConnected("CP-CTL-NET"), "the connection dropped");
        await Task.Delay(600); // meter values while offline
        var connects = station.Csms.ConnectCount("CP-CTL-NET");
        await PostAsync(http, "/api/stations/CP-CTL-NET/online");
        var offlineEvent = await station.WaitForAsync<TransactionEventRequest>(e => e.Offline == true);

        Assert.Equal(1, connects);
        Assert.Equal(2, station.Csms.ConnectCount("CP-CTL-NET"));
        Assert.Equal(TransactionEventType.Updated, offlineEvent.EventType);
    }

    [Fact]
    public async Task A_power_cycle_ends_transactions_with_PowerLoss_and_boots_again_with_PowerUp()
    {
        await using var station = await BootedStation.StartAsync("CP-CTL-POWER");
        using var http = Control(station);
        await PostAsync(http, "/api/stations/CP-CTL-POWER/evses/1/start");
        await station.WaitForAsync<TransactionEventRequest>(e => e.TransactionInfo.ChargingState == ChargingState.Charging);

        await PostAsync(http, "/api/stations/CP-CTL-POWER/power-cycle");
        var ended = await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Ended);
        var reboot = await station.WaitForAsync<BootNotificationRequest>(skip: 1);

        Assert.Equal(StoppedReason.PowerLoss, ended.TransactionInfo.StoppedReason);
        Assert.Equal(BootReason.PowerUp, reboot.Reason);
    }

    [Fact]
    public async Task Lowering_the_EVs_maximum_power_lowers_the_power_it_draws()
    {
        await using var station = await BootedStation.StartAsync("CP-CTL-EV", ("CHARGING_POWER_W", "11000"));
        using var http = Control(station);
        await PostAsync(http, "/api/stations/CP-CTL-EV/evses/1/start");
        await station.WaitForAsync<TransactionEventRequest>(e => e.TransactionInfo.ChargingState == ChargingState.Charging);

        using var put = await http.PutAsJsonAsync("/api/stations/CP-CTL-EV/evses/1/ev", new { maxPowerW = 3000 });
        var count = station.Received<TransactionEventRequest>().Count;
        await TestCsms.WaitUntilAsync(() => station.Received<TransactionEventRequest>().Count > count, "a meter value after the change");

        Assert.Equal(200, (int)put.StatusCode);
        Assert.InRange(Power(station.Received<TransactionEventRequest>()[count]), 2700, 3000);
    }

    [Fact]
    public async Task Unknown_stations_EVSEs_and_connectors_are_404_a_bad_token_400_and_an_impossible_action_409_all_as_problems()
    {
        await using var station = await BootedStation.StartAsync("CP-CTL-ERR");
        using var http = Control(station);

        var unknownStation = await PostAsync(http, "/api/stations/NOPE/evses/1/plug", status: 404);
        await PostAsync(http, "/api/stations/CP-CTL-ERR/evses/9/plug", status: 404);
        await PostAsync(http, "/api/stations/CP-CTL-ERR/evses/1/connectors/5/fault", status: 404);
        await PostAsync(http, "/api/stations/CP-CTL-ERR/evses/1/id-token", new { idToken = "" }, status: 400);
        await PostAsync(http, "/api/stations/CP-CTL-ERR/evses/1/id-token", new { idToken = "A", type = "iso14443" }, status: 400);
        var nothingPlugged = await PostAsync(http, "/api/stations/CP-CTL-ERR/evses/1/unplug", status: 409);

        Assert.Equal("Unknown station", unknownStation.GetProperty("title").GetString());
        Assert.Contains("No EV is plugged", nothingPlugged.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single((await http.GetFromJsonAsync<JsonElement>("/api/stations")).EnumerateArray());
    }
}
