using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using DrivePower.AppHost;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.AspireStand;

/// <summary>
/// The stand from DrivePower.AppHost on the test PostgreSQL, given as ConnectionStrings:csmsdb (the
/// first of the AppHost's PostgreSQL choices), so it needs neither Docker nor local server binaries.
/// </summary>
public sealed class StandWithExistingDatabaseTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task The_stand_migrates_serves_commands_and_stores_a_charging_session_with_energy()
    {
        await using var stand = await StandUnderTest.StartAsync(
            $"--ConnectionStrings:{StandTopology.Database}={database.ConnectionString}",
            StandUnderTest.Setting(StandTopology.Env.Scenario, "charging"),
            StandUnderTest.Setting(StandTopology.Env.EvseCount, "1"),
            StandUnderTest.Setting(StandTopology.Env.ScenarioChargeSeconds, "6"),
            StandUnderTest.Setting(StandTopology.Env.ScenarioPauseSeconds, "2"));

        var (state, exitCode) = await stand.WaitForExitAsync(StandTopology.Migrations);
        Assert.Equal((KnownResourceStates.Finished, 0), (state, exitCode));
        await stand.WaitForHealthyAsync(StandTopology.Csms);
        await stand.WaitForConnectedStationAsync();

        // An operator command goes through the CSMS to the emulator, and the station's answer comes back.
        using var csms = stand.Csms();
        using var command = await csms.PostAsJsonAsync(
            $"/api/stations/{StandUnderTest.StationId}/commands/GetVariables",
            JsonDocument.Parse("""{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""").RootElement);
        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        var answer = await command.Content.ReadFromJsonAsync<JsonElement>();
        var result = answer.GetProperty("getVariableResult")[0];
        Assert.Equal("Accepted", result.GetProperty("attributeStatus").GetString());

        // The emulator's charging session ends up in the CSMS as an ended transaction with energy.
        var transactions = await stand.PollAsync(
            $"/api/transactions?stationId={StandUnderTest.StationId}",
            list => list.EnumerateArray().Any(EndedWithEnergy),
            StandUnderTest.StepTimeout);
        Assert.Contains(transactions.EnumerateArray(), EndedWithEnergy);
    }

    private static bool EndedWithEnergy(JsonElement transaction) =>
        !transaction.GetProperty("isActive").GetBoolean()
        && transaction.TryGetProperty("energyWh", out var energy) && energy.ValueKind == JsonValueKind.Number && energy.GetDouble() > 0;
}
