using DrivePower.Tests.Csms;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Emulator;

/// <summary>A local list sent through the real CSMS's operator API to an emulated station: stored as the station took it.</summary>
public sealed class LocalAuthListAgainstCsmsTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_Full_then_a_Differential_list_are_stored_as_the_station_holds_them_and_a_stale_one_changes_nothing()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = "EMU-LL",
        });
        await emulator.StartAsync();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id = 'EMU-LL'") == 1, TimeSpan.FromSeconds(20));

        using var full = await csms.Http.PostRawAsync("/api/stations/EMU-LL/local-list", """
            {"versionNumber":3,"updateType":"Full","localAuthorizationList":[
              {"idToken":{"idToken":"CARD-A","type":"ISO14443"},"idTokenInfo":{"status":"Accepted"}},
              {"idToken":{"idToken":"CARD-B","type":"ISO14443"},"idTokenInfo":{"status":"Blocked"}}]}
            """);
        using var diff = await csms.Http.PostRawAsync("/api/stations/EMU-LL/local-list", """
            {"versionNumber":4,"updateType":"Differential","localAuthorizationList":[
              {"idToken":{"idToken":"card-b","type":"ISO14443"}},
              {"idToken":{"idToken":"CARD-C","type":"ISO14443"},"idTokenInfo":{"status":"Accepted"}}]}
            """);
        using var stale = await csms.Http.PostRawAsync("/api/stations/EMU-LL/local-list", """
            {"versionNumber":2,"updateType":"Differential","localAuthorizationList":[{"idToken":{"idToken":"CARD-D","type":"ISO14443"},"idTokenInfo":{"status":"Accepted"}}]}
            """);
        var list = await csms.Http.GetJsonAsync("/api/stations/EMU-LL/local-list");
        var version = await csms.Http.GetJsonAsync("/api/stations/EMU-LL/local-list/version");

        Assert.True((await full.JsonAsync()).GetProperty("applied").GetBoolean());
        Assert.True((await diff.JsonAsync()).GetProperty("applied").GetBoolean());
        Assert.Equal("VersionMismatch", (await stale.JsonAsync()).GetProperty("response").GetProperty("status").GetString());
        Assert.Equal(4, list.GetProperty("version").GetInt32());
        Assert.Equal([("CARD-A", "Accepted"), ("CARD-C", "Accepted")],
            list.GetProperty("entries").EnumerateArray().Select(entry => (entry.GetProperty("idToken").GetString(), entry.GetProperty("status").GetString())));
        Assert.Equal((4, 4), (version.GetProperty("stationVersion").GetInt32(), version.GetProperty("storedVersion").GetInt32()));
        await emulator.StopAsync();
    }
}
