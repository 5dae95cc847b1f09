using System.Text.Json;
using DrivePower.AppHost;

// Not DrivePower.Tests.Aspire: a namespace segment named Aspire would hide the Aspire.* namespaces here.
namespace DrivePower.Tests.AspireStand;

/// <summary>
/// The whole stand under Aspire: PostgreSQL in a container, the migrations, the CSMS and the emulator,
/// started from DrivePower.AppHost. Needs the Aspire 13.5.2 packages, the Aspire CLI bundle and a
/// container runtime; built only with DrivePowerAspire=true.
/// </summary>
public class StandEndToEndTests
{
    // Generous for the first run: it pulls postgres and builds the three projects.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StationTimeout = TimeSpan.FromMinutes(1);

    private static string SettingKey(string variable) =>
        StandTopology.EmulatorSettings.Single(s => s.Variable == variable).Key;

    private static string DefaultOf(string variable) =>
        StandTopology.EmulatorSettings.Single(s => s.Variable == variable).Default;

    [Fact]
    public async Task The_stand_migrates_then_serves_the_csms_and_the_emulator_station_connects()
    {
        using var cts = new CancellationTokenSource(StartTimeout + StationTimeout);
        var stationId = DefaultOf(StandTopology.Env.StationId);
        string[] args =
        [
            // A throwaway database: the developer's data volume (and its saved password) stays out of it.
            $"--{StandTopology.Settings.DataVolume}=false",
            $"--{StandTopology.Settings.PgWeb}=false",
            $"--{SettingKey(StandTopology.Env.StationCount)}=1",
            $"--{SettingKey(StandTopology.Env.Scenario)}=idle",
        ];

        var appHost = await DistributedApplicationTestingBuilder
            .CreateAsync<Projects.DrivePower_AppHost>(args, cts.Token)
            .WaitAsync(StartTimeout, cts.Token);
        await using var app = await appHost.BuildAsync(cts.Token).WaitAsync(StartTimeout, cts.Token);
        await app.StartAsync(cts.Token).WaitAsync(StartTimeout, cts.Token);

        var migrations = await app.ResourceNotifications
            .WaitForResourceAsync(
                StandTopology.Migrations,
                e => e.Snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state),
                cts.Token)
            .WaitAsync(StartTimeout, cts.Token);
        Assert.Equal(KnownResourceStates.Finished, migrations.Snapshot.State?.Text);
        Assert.Equal(0, migrations.Snapshot.ExitCode);

        await app.ResourceNotifications
            .WaitForResourceHealthyAsync(StandTopology.Csms, cts.Token)
            .WaitAsync(StartTimeout, cts.Token);

        using var csms = app.CreateHttpClient(StandTopology.Csms);
        var connected = await WaitForConnectedStationAsync(csms, stationId, cts.Token).WaitAsync(StationTimeout, cts.Token);
        Assert.True(connected, $"station {stationId} never showed as connected in GET /api/stations");
    }

    /// <summary>Polls the operator API until the station is listed as connected, or the token ends the wait.</summary>
    private static async Task<bool> WaitForConnectedStationAsync(HttpClient csms, string stationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var response = await csms.GetAsync("/api/stations", cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                using var stations = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                var station = stations.RootElement.EnumerateArray()
                    .FirstOrDefault(s => s.GetProperty("id").GetString() == stationId);
                if (station.ValueKind == JsonValueKind.Object && station.GetProperty("connected").GetBoolean())
                    return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }
}
