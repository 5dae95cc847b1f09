using DrivePower.Migrations;
using DrivePower.Tests.Infrastructure;
using Npgsql;

namespace DrivePower.Tests.Migrations;

public sealed class MigrationWorkerProcessTests
{
    [Fact]
    public async Task Up_migrates_the_csmsdb_database_and_exits_0()
    {
        await using var db = await ScratchDatabase.CreateAsync("workerup");

        var result = await WorkerProcess.RunAsync(Csmsdb(db.ConnectionString));

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("stations", await SchemaInspector.TablesAsync(db.ConnectionString));
        Assert.All(new SchemaMigrator(db.ConnectionString).List(), m => Assert.True(m.Applied));
    }

    [Fact]
    public async Task Down_and_list_work_from_the_command_line()
    {
        await using var db = await ScratchDatabase.CreateAsync("workerdown", migrated: true);

        var down = await WorkerProcess.RunAsync(Csmsdb(db.ConnectionString), "down", "2");
        var list = await WorkerProcess.RunAsync(Csmsdb(db.ConnectionString), "list");

        Assert.True(down.ExitCode == 0, down.Error + down.Output);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("202611230001  applied  CreateStations", list.Output, StringComparison.Ordinal);
        Assert.Contains("202611230008  applied  CreateDeviceModelVariables", list.Output, StringComparison.Ordinal);
        Assert.Contains("202611230009  applied  AddStationFirmwareAndLogStatus", list.Output, StringComparison.Ordinal);
        var declared = DeclaredMigrations.All();
        foreach (var migration in declared.Take(declared.Count - 2))
            Assert.Contains($"{migration.Version}  applied  {DeclaredMigrations.Name(migration)}", list.Output, StringComparison.Ordinal);
        foreach (var migration in declared.TakeLast(2))
            Assert.Contains($"{migration.Version}  pending  {DeclaredMigrations.Name(migration)}", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_url_is_used_when_there_is_no_connection_string()
    {
        await using var db = await ScratchDatabase.CreateAsync("workerurl");
        var target = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        var url = $"postgres://{target.Username}@{target.Host}:{target.Port}/{target.Database}?sslmode=disable";

        var result = await WorkerProcess.RunAsync(new Dictionary<string, string> { ["DATABASE_URL"] = url });

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("transactions", await SchemaInspector.TablesAsync(db.ConnectionString));
    }

    [Fact]
    public async Task An_unreachable_server_fails_after_the_wait_with_one_clear_error()
    {
        var nowhere = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Username=postgres;Database=nowhere";
        var environment = Csmsdb(nowhere);
        environment["Migrations__WaitForDatabaseSeconds"] = "2";

        var result = await WorkerProcess.RunAsync(environment);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var error = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("did not accept connections within 2 s", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worker_waits_for_a_server_that_comes_back()
    {
        await using var server = await PostgresServer.StartThrowawayAsync();
        var connectionString = await server.CreateDatabaseAsync("workerwait");
        await server.StopAsync();

        using var worker = WorkerProcess.Start(Csmsdb(connectionString));
        await worker.WaitForOutputAsync("Database not reachable yet (attempt 2)");
        await server.StartAsync();
        var result = await worker.WaitForExitAsync();

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("stations", await SchemaInspector.TablesAsync(connectionString));
    }

    [Theory]
    [InlineData("down", "zero")]
    [InlineData("sideways")]
    public async Task A_bad_command_exits_2_with_the_usage(params string[] args)
    {
        var result = await WorkerProcess.RunAsync(Csmsdb("Host=127.0.0.1;Database=unused"), args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("usage:", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("down", "1", "--help")]
    public async Task Help_prints_the_usage_exits_0_and_applies_nothing(params string[] args)
    {
        await using var db = await ScratchDatabase.CreateAsync("workerhelp");

        var result = await WorkerProcess.RunAsync(Csmsdb(db.ConnectionString), args);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.StartsWith("usage: DrivePower.Migrations", result.Output, StringComparison.Ordinal);
        Assert.Empty(await SchemaInspector.TablesAsync(db.ConnectionString));
    }

    [Fact]
    public async Task A_database_that_does_not_exist_fails_at_once_with_exit_2_and_how_to_create_it()
    {
        var server = await PostgresServer.SharedAsync();
        var missing = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("workermissing"));
        await server.DropDatabaseAsync(missing.ConnectionString);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await WorkerProcess.RunAsync(Csmsdb(missing.ConnectionString)); // waits up to 60 s for a server that is down

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}: retried as if transient");
        Assert.DoesNotContain("not reachable yet", result.Output, StringComparison.Ordinal);
        var error = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"\"{missing.Database}\" does not exist", error, StringComparison.Ordinal);
        Assert.Contains($"createdb -h {missing.Host} -p {missing.Port} -U {missing.Username} {missing.Database}", error, StringComparison.Ordinal);
        Assert.Contains($"CREATE DATABASE \"{missing.Database}\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_database_setting_exits_2_naming_both_settings()
    {
        var result = await WorkerProcess.RunAsync(new Dictionary<string, string>());

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("ConnectionStrings:csmsdb", result.Error, StringComparison.Ordinal);
        Assert.Contains("DATABASE_URL", result.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Csmsdb(string connectionString) =>
        new() { ["ConnectionStrings__csmsdb"] = connectionString };
}
