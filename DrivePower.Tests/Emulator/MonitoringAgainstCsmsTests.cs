using System.Text.Json;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace DrivePower.Tests.Emulator;

/// <summary>Variable monitoring end to end: the operator API sets, reports and clears monitors on an emulated station, and the CSMS stores what they raise.</summary>
public sealed class MonitoringAgainstCsmsTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const string PowerAbove = """{"setMonitoringData":[{"type":"UpperThreshold","value":4000,"severity":3,"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"}}]}""";

    [Fact]
    public async Task A_monitor_set_through_the_API_is_stored_and_the_event_it_raises_when_charging_crosses_it_reaches_the_CSMS()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = await StartEmulatorAsync(csms, "EMU-MON", ("CHARGING_POWER_W", "11000"), ("METER_INTERVAL_SECONDS", "0.5"));

        using var set = await csms.Http.PostRawAsync("/api/stations/EMU-MON/monitors", PowerAbove);
        var answer = await set.JsonAsync();
        Assert.True(set.IsSuccessStatusCode, answer.ToString());
        Assert.Equal(1, answer.GetProperty("storedChanges").GetInt32());
        var id = answer.GetProperty("response").GetProperty("setMonitoringResult")[0].GetProperty("id").GetInt32();
        var stored = Assert.Single((await csms.Http.GetJsonAsync("/api/stations/EMU-MON/monitors")).GetProperty("monitors").EnumerateArray());
        Assert.Equal((id, "UpperThreshold", 4000m, "Set"), (stored.GetProperty("id").GetInt32(), stored.GetProperty("type").GetString(),
            stored.GetProperty("value").GetDecimal(), stored.GetProperty("origin").GetString()));

        using var start = await csms.Http.PostRawAsync("/api/stations/EMU-MON/commands/RequestStartTransaction",
            """{"evseId":1,"remoteStartId":5,"idToken":{"idToken":"MON-1","type":"ISO14443"}}""");
        Assert.True(start.IsSuccessStatusCode);

        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString, $$"""
            SELECT count(*) FROM station_events
            WHERE station_id = 'EMU-MON' AND kind = 'NotifyEvent' AND payload @> '{"variableMonitoringId":{{id}},"trigger":"Alerting","cleared":false}'
            """) == 1, TimeSpan.FromSeconds(20));
        await emulator.StopAsync();
    }

    [Fact]
    public async Task A_monitoring_report_is_stored_a_cleared_monitor_goes_and_the_accepted_base_and_level_are_kept()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = await StartEmulatorAsync(csms, "EMU-MONREP");
        var id = (await (await csms.Http.PostRawAsync("/api/stations/EMU-MONREP/monitors", PowerAbove)).JsonAsync())
            .GetProperty("response").GetProperty("setMonitoringResult")[0].GetProperty("id").GetInt32();

        using var report = await csms.Http.PostRawAsync("/api/stations/EMU-MONREP/monitoring-report", """{"requestId":12}""");
        Assert.Equal("Accepted", (await report.JsonAsync()).GetProperty("response").GetProperty("status").GetString());
        JsonElement monitoring = default;
        await Sql.EventuallyAsync(async () =>
        {
            monitoring = await csms.Http.GetJsonAsync("/api/stations/EMU-MONREP/monitors");
            return monitoring.GetProperty("monitors").EnumerateArray().Count(m => m.GetProperty("origin").GetString() == "Reported") == 3;
        }, TimeSpan.FromSeconds(20));
        Assert.Contains(monitoring.GetProperty("monitors").EnumerateArray(), m => m.GetProperty("id").GetInt32() == id && m.GetProperty("requestId").GetInt32() == 12);

        using var cleared = await csms.Http.DeleteAsync($"/api/stations/EMU-MONREP/monitors/{id}");
        Assert.Equal(1, (await cleared.JsonAsync()).GetProperty("storedChanges").GetInt32());
        using var level = await csms.Http.PostRawAsync("/api/stations/EMU-MONREP/monitoring-level", """{"severity":4}""");
        using var based = await csms.Http.PostRawAsync("/api/stations/EMU-MONREP/monitoring-base", """{"monitoringBase":"HardWiredOnly"}""");
        Assert.True(level.IsSuccessStatusCode && based.IsSuccessStatusCode);

        var after = await csms.Http.GetJsonAsync("/api/stations/EMU-MONREP/monitors");
        Assert.Equal(("HardWiredOnly", 4, 0), (after.GetProperty("monitoringBase").GetString(), after.GetProperty("monitoringLevel").GetInt32(),
            after.GetProperty("monitors").GetArrayLength()));
        await emulator.StopAsync();
    }

    [Fact]
    public async Task A_monitor_payload_against_the_schema_is_refused_with_its_violations_and_nothing_is_sent()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);

        using var refused = await csms.Http.PostRawAsync("/api/stations/NOBODY/monitors", """{"setMonitoringData":[{"type":"Above","value":1,"severity":1,"component":{"name":"EVSE"},"variable":{"name":"Power"}}]}""");

        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Contains("$.setMonitoringData[0].type", (await refused.JsonAsync()).GetProperty("violations").ToString(), StringComparison.Ordinal);
    }

    private async Task<IHost> StartEmulatorAsync(CsmsTestHost csms, string stationId, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = stationId,
        };
        foreach (var (key, value) in settings)
            values[key] = value;
        var emulator = EmulatorHost.Build(values);
        await emulator.StartAsync();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id = @station", ("station", stationId)) == 1, TimeSpan.FromSeconds(20));
        return emulator;
    }
}
