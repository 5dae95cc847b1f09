using System.Net.Http.Json;
using System.Text.Json;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Emulator;

/// <summary>The emulator against the real CSMS and PostgreSQL: what it does ends up in the database.</summary>
public sealed class EmulatorAgainstCsmsTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task Emulated_stations_booting_against_the_real_csms_leave_stations_and_connector_status_rows()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = "EMU-REAL",
            ["STATION_COUNT"] = "3",
            ["EVSE_COUNT"] = "2",
            ["MODEL"] = "DP-Test",
        });
        await emulator.StartAsync();

        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id LIKE 'EMU-REAL-%' AND status = 'Available'") == 6,
            TimeSpan.FromSeconds(20));
        Assert.Equal(3, await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM stations WHERE id LIKE 'EMU-REAL-%' AND registration_status = 'Accepted' AND model = 'DP-Test'"));
        await emulator.StopAsync();
    }

    [Fact]
    public async Task The_charging_scenario_against_the_real_csms_leaves_ended_transactions_with_energy()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = "EMU-SCENARIO",
            ["SCENARIO"] = "charging",
            ["SCENARIO_CHARGE_SECONDS"] = "1",
            ["SCENARIO_PAUSE_SECONDS"] = "0.2",
            ["METER_INTERVAL_SECONDS"] = "0.3",
            ["CHARGING_POWER_W"] = "300000",
        });
        await emulator.StartAsync();

        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM transactions WHERE station_id = 'EMU-SCENARIO' AND NOT is_active") >= 1,
            TimeSpan.FromSeconds(20));
        await emulator.StopAsync();

        var ended = (await Sql.RowsAsync(database.ConnectionString,
            "SELECT stopped_reason, energy_start_wh, energy_end_wh, id_token FROM transactions WHERE station_id = 'EMU-SCENARIO' AND NOT is_active")).First();
        Assert.Contains((string)ended["stopped_reason"]!, new[] { "Local", "EVDisconnected" });
        Assert.True((decimal)ended["energy_end_wh"]! > (decimal)ended["energy_start_wh"]!);
        Assert.Equal("DEMO-TOKEN-0001", ended["id_token"]);
    }

    [Fact]
    public async Task An_operator_remote_start_through_the_csms_api_starts_a_transaction_on_the_emulated_station()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = "EMU-REMOTE",
        });
        await emulator.StartAsync();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id = 'EMU-REMOTE'") == 1, TimeSpan.FromSeconds(20));

        using var response = await csms.Http.PostAsJsonAsync("/api/stations/EMU-REMOTE/commands/RequestStartTransaction",
            new { idToken = new { idToken = "OPERATOR-1", type = "Central" }, remoteStartId = 5, evseId = 1 });

        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Accepted", answer.RootElement.GetProperty("status").GetString());
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM transactions WHERE station_id = 'EMU-REMOTE' AND is_active AND id_token = 'OPERATOR-1'") == 1);
        await emulator.StopAsync();
    }

    [Fact]
    public async Task A_base_report_asked_through_the_csms_api_lands_in_the_stored_device_model()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = "EMU-REPORT",
            ["EVSE_COUNT"] = "3",
        });
        await emulator.StartAsync();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id = 'EMU-REPORT'") == 3, TimeSpan.FromSeconds(20));

        using var response = await csms.Http.PostAsJsonAsync("/api/stations/EMU-REPORT/commands/GetBaseReport",
            new { requestId = 11, reportBase = "FullInventory" });

        response.EnsureSuccessStatusCode();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM device_model_variables WHERE station_id = 'EMU-REPORT' AND request_id = 11 AND component_name = 'Connector'") == 3);
        Assert.Equal("DP-Emulator", await Sql.ScalarAsync<string>(database.ConnectionString,
            "SELECT value FROM device_model_variables WHERE station_id = 'EMU-REPORT' AND component_name = 'ChargingStation' AND variable_name = 'Model'"));
        await emulator.StopAsync();
    }
}
