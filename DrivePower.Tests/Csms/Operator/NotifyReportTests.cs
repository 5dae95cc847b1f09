using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using static DrivePower.Tests.Csms.Operator.TransactionEvents;

namespace DrivePower.Tests.Csms.Operator;

public sealed class NotifyReportTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    private const string VariablesSql = """
        SELECT component_name, component_instance, evse_id, connector_id, variable_name, attribute_type, value, mutability, data_type, unit, request_id
        FROM device_model_variables WHERE station_id = @station ORDER BY component_name, variable_name, attribute_type
        """;

    [Fact]
    public async Task Each_part_is_stored_as_it_arrives_and_the_last_part_replaces_the_older_report()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("REPORT-1");
        await station.CallAsync(Report(requestId: 1, seqNo: 0, tbc: null, Data("OCPPCommCtrlr", "HeartbeatInterval", "60"), Data("Legacy", "Gone", "x")));

        await station.CallAsync(Report(requestId: 2, seqNo: 0, tbc: true, Data("OCPPCommCtrlr", "HeartbeatInterval", "30")));
        var afterFirstPart = await Sql.RowsAsync(db.ConnectionString, VariablesSql, ("station", "REPORT-1"));
        await station.CallAsync(Report(requestId: 2, seqNo: 1, tbc: false,
            Data("EVSE", "Power", "22000", evseId: 1), Data("OCPPCommCtrlr", "HeartbeatInterval", "30")));
        var afterLastPart = await Sql.RowsAsync(db.ConnectionString, VariablesSql, ("station", "REPORT-1"));

        Assert.Equal(["Gone", "HeartbeatInterval"], afterFirstPart.Select(row => (string)row["variable_name"]!));
        Assert.Equal("30", afterFirstPart[1]["value"]);
        Assert.Equal(2, afterFirstPart[1]["request_id"]);

        Assert.Equal(["EVSE/Power", "OCPPCommCtrlr/HeartbeatInterval"],
            afterLastPart.Select(row => $"{row["component_name"]}/{row["variable_name"]}"));
        Assert.All(afterLastPart, row => Assert.Equal(2, row["request_id"]));
        var power = afterLastPart[0];
        Assert.Equal((1, 0, "", "Actual", "22000", "ReadOnly", "decimal", "W"),
            ((int)power["evse_id"]!, (int)power["connector_id"]!, (string)power["component_instance"]!, (string)power["attribute_type"]!,
             (string)power["value"]!, (string)power["mutability"]!, (string)power["data_type"]!, (string)power["unit"]!));
    }

    private static NotifyReportRequest Report(int requestId, int seqNo, bool? tbc, params ReportData[] data) => new()
    {
        RequestId = requestId,
        SeqNo = seqNo,
        Tbc = tbc,
        GeneratedAt = T0.AddMinutes(requestId),
        ReportData = data,
    };

    private static ReportData Data(string component, string variable, string value, int? evseId = null) => new()
    {
        Component = new Component { Name = component, Evse = evseId is { } id ? new Evse { Id = id } : null },
        Variable = new Variable { Name = variable },
        VariableAttribute = [new VariableAttribute { Value = value, Mutability = Mutability.ReadOnly }],
        VariableCharacteristics = new VariableCharacteristics { DataType = DataType.@decimal, Unit = "W", SupportsMonitoring = false },
    };
}
