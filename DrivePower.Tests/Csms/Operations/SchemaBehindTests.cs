using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using DrivePower.Csms;
using DrivePower.Migrations;
using DrivePower.Tests.Infrastructure;
using DrivePower.Tests.Migrations;
using DrivePower.Tests.Ocpp.Rpc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Csms.Operations;

/// <summary>A real PostgreSQL migrated, then rolled back one migration (<c>migrations down 1</c>), under the real CSMS.</summary>
public sealed class SchemaBehindTests
{
    private static readonly string Missing =
        $"migration {DeclaredMigrations.All()[^1].Version} ({DeclaredMigrations.Name(DeclaredMigrations.All()[^1])}) is not applied";

    [Fact]
    public async Task Rolled_back_health_the_start_up_log_and_the_operator_api_name_the_missing_migration()
    {
        await using var db = await ScratchDatabase.CreateAsync("schemabehind", migrated: true);
        // Down 2: the newest migration only lightens a table; the one before it adds variable_monitors.
        new SchemaMigrator(db.ConnectionString).Down(2);
        var logs = new CapturedLogs();

        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString, configure: services => services.AddLogging(logging => logging.AddProvider(logs)));

        var health = await csms.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("schema: Unhealthy: The database schema is behind the code: " + Missing, await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Sql.EventuallyAsync(() => Task.FromResult(logs.Entries.Any(e => e is { EventName: "SchemaBehind", Level: LogLevel.Error })));
        Assert.Contains(Missing, logs.Entries.Single(e => e.EventName == "SchemaBehind").Message, StringComparison.Ordinal);

        var stations = await csms.Http.GetAsync("/api/stations/ANY/monitors"); // reads variable_monitors, now missing
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stations.StatusCode);
        var problem = await stations.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Database schema behind the code", problem!.Title);
        Assert.Contains(Missing, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrated_again_the_csms_turns_healthy_without_a_restart()
    {
        await using var db = await ScratchDatabase.CreateAsync("schemaup", migrated: true);
        new SchemaMigrator(db.ConnectionString).Down(2);
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        var behind = await (await csms.Http.GetAsync("/health")).Content.ReadAsStringAsync();

        new SchemaMigrator(db.ConnectionString).Up();

        Assert.Contains($"the newest applied is {DeclaredMigrations.All()[^3].Version}", behind, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await csms.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await csms.Http.GetAsync("/api/stations")).StatusCode);
    }

    [Fact]
    public void The_schema_the_code_needs_is_the_newest_migration()
    {
        var newest = DeclaredMigrations.All()[^1];

        foreach (var assembly in new[] { typeof(SchemaMigrator).Assembly, typeof(CsmsExtensions).Assembly })
        {
            var required = assembly.GetType("DrivePower.Migrations.RequiredSchema", throwOnError: true)!;
            Assert.Equal(newest.Version, required.GetField("Version")!.GetRawConstantValue());
            Assert.Equal(DeclaredMigrations.Name(newest), required.GetField("Name")!.GetRawConstantValue());
        }
    }
}
