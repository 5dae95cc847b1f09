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
}
