using System.Net.Http.Json;
using System.Text.Json;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DrivePower.Tests.Emulator;

/// <summary>CostUpdated (I02) from the real CSMS to the emulator: the cost lands on the transaction its control API shows.</summary>
public sealed class CostUpdatedTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_CostUpdated_sent_through_the_commands_api_is_shown_by_the_emulator_for_its_transaction()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = "EMU-COST",
        });
        await emulator.StartAsync();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id = 'EMU-COST'") == 1, TimeSpan.FromSeconds(20));
        (await csms.Http.PostAsJsonAsync("/api/stations/EMU-COST/commands/RequestStartTransaction",
            new { idToken = new { idToken = "COST-1", type = "Central" }, remoteStartId = 9, evseId = 1 })).EnsureSuccessStatusCode();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM transactions WHERE station_id = 'EMU-COST' AND is_active") == 1);
        var transactionId = await Sql.ScalarAsync<string>(database.ConnectionString,
            "SELECT transaction_id FROM transactions WHERE station_id = 'EMU-COST' AND is_active");

        using var sent = await csms.Http.PostAsJsonAsync("/api/stations/EMU-COST/commands/CostUpdated", new { totalCost = 4.56m, transactionId });
        using var control = new HttpClient { BaseAddress = emulator.Services.GetRequiredService<DrivePower.Emulator.Control.ControlApiServer>().Address };
        var view = await control.GetFromJsonAsync<JsonElement>("/api/stations/EMU-COST");

        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        var evse = view.GetProperty("evses")[0];
        Assert.Equal(transactionId, evse.GetProperty("transactionId").GetString());
        Assert.Equal(4.56m, evse.GetProperty("totalCost").GetDecimal());
        await emulator.StopAsync();
    }
}
