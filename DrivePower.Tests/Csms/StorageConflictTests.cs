using System.Net.Http.Json;
using DrivePower.Csms.Data;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrivePower.Tests.Csms;

/// <summary>
/// A write the database refuses because it conflicts with what is stored (SQLSTATE class 23: a race
/// with another change, or a bug) is said as such, not as "database unavailable": the station gets an
/// InternalError naming the constraint, the operator API a 409 problem, and the CSMS keeps serving.
/// </summary>
public sealed class StorageConflictTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private CsmsTestHost _csms = null!;

    public async Task InitializeAsync() => _csms = await CsmsTestHost.StartAsync(database.ConnectionString);

    public async Task DisposeAsync() => await _csms.DisposeAsync();

    [Fact]
    public async Task A_status_of_a_station_whose_row_was_deleted_meanwhile_is_an_InternalError_that_names_the_conflict()
    {
        await using var station = await _csms.ConnectAsync("CP-CONFLICT");
        await station.BootAsync();
        // What an operator's delete that raced the station's reconnect leaves: an accepted station without its row.
        await Db.ExecuteAsync(database.ConnectionString, "DELETE FROM stations WHERE id = 'CP-CONFLICT'");

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => station.ReportStatusAsync(1, 1, ConnectorStatus.Occupied));

        Assert.Equal(nameof(OcppErrorCode.InternalError), error.ErrorCode);
        Assert.Contains("conflicts with what the CSMS has stored (fk_station_connector_statuses_station)", error.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("unavailable", error.Description, StringComparison.Ordinal);
        await station.BootAsync(); // stores the station again; its statuses go in from then on
        await station.ReportStatusAsync(1, 1, ConnectorStatus.Occupied);
        Assert.Equal("Occupied", await Sql.ScalarAsync<string>(database.ConnectionString,
            "SELECT status FROM station_connector_statuses WHERE station_id = 'CP-CONFLICT'"));
    }

    [Fact]
    public async Task An_operator_write_the_database_refuses_as_a_conflict_is_a_409_problem_that_says_so()
    {
        // A constraint of this test's own, so that the API's insert breaks one without a race to arrange.
        await Db.ExecuteAsync(database.ConnectionString,
            "ALTER TABLE id_tokens ADD CONSTRAINT test_refuses_conflict_me CHECK (id_token <> 'CONFLICT-ME')");

        using var response = await _csms.Http.PostAsJsonAsync("/api/id-tokens", new { idToken = "CONFLICT-ME", type = "ISO14443" });

        var problem = await response.ProblemAsync(409);
        Assert.Equal("Conflicts with what is stored", problem.GetProperty("title").GetString());
        Assert.Contains("test_refuses_conflict_me", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await _csms.Http.GetJsonAsync("/api/stations"); // and it keeps serving
    }

    [Fact]
    public async Task The_runner_reports_a_broken_constraint_as_a_conflict_and_does_not_retry_it()
    {
        await using var dataSource = database.CreateDataSource();
        var runner = new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance);
        var attempts = 0;

        var conflict = await Assert.ThrowsAsync<StorageConflictException>(() => runner.ExecuteAsync("store an event", "CP-NOBODY", SqlRetry.Idempotent,
            "INSERT INTO station_events (station_id, kind, timestamp, payload) VALUES ('CP-NOBODY', 'NotifyEvent', now(), '{}')",
            _ => attempts++, CancellationToken.None));

        Assert.Equal(("23503", "fk_station_events_station"), (conflict.SqlState, conflict.Constraint));
        Assert.Equal(1, attempts);
    }
}
