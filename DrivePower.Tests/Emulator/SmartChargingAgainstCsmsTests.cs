using DrivePower.Tests.Csms;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Emulator;

/// <summary>Profiles set and cleared through the real CSMS's operator API on an emulated station; what is stored is what the station holds.</summary>
public sealed class SmartChargingAgainstCsmsTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const string TxDefault = """
        {"evseId":1,"chargingProfile":{"id":4,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute",
         "chargingSchedule":[{"id":1,"startSchedule":"2026-01-01T00:00:00Z","chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":3700}]}]}}
        """;

    [Fact]
    public async Task A_profile_the_emulator_accepts_is_stored_one_it_rejects_is_not_and_a_clear_removes_it_from_both()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = "EMU-SC",
        });
        await emulator.StartAsync();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id = 'EMU-SC'") == 1, TimeSpan.FromSeconds(20));

        using var accepted = await csms.Http.PostRawAsync("/api/stations/EMU-SC/charging-profiles", TxDefault);
        using var rejected = await csms.Http.PostRawAsync("/api/stations/EMU-SC/charging-profiles",
            TxDefault.Replace("\"id\":4", "\"id\":5").Replace("TxDefaultProfile", "ChargingStationMaxProfile"));
        var stored = (await csms.Http.GetJsonAsync("/api/stations/EMU-SC/charging-profiles")).EnumerateArray().ToList();
        using var cleared = await csms.Http.DeleteAsync("/api/stations/EMU-SC/charging-profiles/4");
        using var again = await csms.Http.DeleteAsync("/api/stations/EMU-SC/charging-profiles/4");

        Assert.True((await accepted.JsonAsync()).GetProperty("applied").GetBoolean());
        var refusal = (await rejected.JsonAsync()).GetProperty("response");
        Assert.Equal(("Rejected", "InvalidPurpose"), (refusal.GetProperty("status").GetString(), refusal.GetProperty("statusInfo").GetProperty("reasonCode").GetString()));
        Assert.Equal([4], stored.Select(profile => profile.GetProperty("id").GetInt32()));
        Assert.Equal(("Accepted", 1), ((await cleared.JsonAsync()).GetProperty("response").GetProperty("status").GetString(), (await cleared.JsonAsync()).GetProperty("removed").GetInt32()));
        Assert.Equal("Unknown", (await again.JsonAsync()).GetProperty("response").GetProperty("status").GetString());
        Assert.Empty((await csms.Http.GetJsonAsync("/api/stations/EMU-SC/charging-profiles")).EnumerateArray());
        await emulator.StopAsync();
    }
}
