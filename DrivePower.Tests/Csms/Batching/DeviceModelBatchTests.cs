using DrivePower.Csms.Data;
using DrivePower.Csms.Data.Batching;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Part = DrivePower.Csms.Data.DeviceModelStore.ReportPart;

namespace DrivePower.Tests.Csms.Batching;

/// <summary>NotifyReport parts of many stations written in one batch on a real PostgreSQL: each station's report replaces only its own.</summary>
public sealed class DeviceModelBatchTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static NotifyReportRequest Report(int requestId, bool tbc, params (string Variable, string Value)[] values) => new()
    {
        RequestId = requestId,
        GeneratedAt = T0,
        SeqNo = 0,
        Tbc = tbc,
        ReportData = [.. values.Select(v => new ReportData
        {
            Component = new Component { Name = "OCPPCommCtrlr" },
            Variable = new Variable { Name = v.Variable },
            VariableAttribute = [new VariableAttribute { Value = v.Value }],
        })],
    };

    [Fact]
    public async Task One_batch_of_several_stations_parts_stores_each_and_a_last_part_replaces_only_its_own_stations_older_report()
    {
        foreach (var id in new[] { "DM-A", "DM-B", "DM-C" })
            await Db.ExecuteAsync(database.ConnectionString, "INSERT INTO stations (id, created_at, updated_at) VALUES (@id, now(), now())", ("id", id));
        await using var dataSource = database.CreateDataSource();
        await using var store = new DeviceModelStore(new SqlRunner(dataSource, NullLogger<SqlRunner>.Instance),
            Microsoft.Extensions.Options.Options.Create(new WriteBatchingOptions { Writers = 1 }), NullLogger<DeviceModelStore>.Instance);
        await store.StoreBatchAsync(
        [
            new Part("DM-A", Report(1, false, ("Old", "1"))),
            new Part("DM-B", Report(4, false, ("Old", "4"))),
            new Part("DM-C", Report(7, false, ("Kept", "7"))),
        ], CancellationToken.None);

        await store.StoreBatchAsync(
        [
            new Part("DM-A", Report(2, false, ("HeartbeatInterval", "60"), ("HeartbeatInterval", "90"))), // the later of a repeated key wins
            new Part("DM-B", Report(5, true, ("HeartbeatInterval", "30"))), // more parts to come: the old report stays for now
        ], CancellationToken.None);

        Assert.Equal("HeartbeatInterval=90", await RowsAsync("DM-A"));
        Assert.Equal("HeartbeatInterval=30,Old=4", await RowsAsync("DM-B"));
        Assert.Equal("Kept=7", await RowsAsync("DM-C"));
    }

    private Task<string?> RowsAsync(string stationId) => Sql.ScalarAsync<string>(database.ConnectionString,
        $"SELECT string_agg(variable_name || '=' || value, ',' ORDER BY variable_name) FROM device_model_variables WHERE station_id = '{stationId}'");
}
