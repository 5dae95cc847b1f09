using System.Data;
using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>
/// Variable monitoring (OCPP 2.0.1 block N, N02-N06): the monitors each station has as the CSMS knows them (set
/// and accepted, or reported in NotifyMonitoringReport), keyed by the station's monitor id; and the monitoring
/// base and level the station last accepted.
/// </summary>
[Migration(202612030002, "variable_monitors")]
public sealed class CreateVariableMonitors : Migration
{
    public override void Up()
    {
        Create.Table("variable_monitors")
            .WithDescription("Monitors on the stations' variables, as set (and accepted) or reported.")
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_variable_monitors_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("monitor_id").AsInt32().NotNullable().WithColumnDescription("The id the station gave the monitor.")
            .WithColumn("component_name").AsString(50).NotNullable()
            .WithColumn("component_instance").AsString(50).NotNullable().WithDefaultValue("")
            .WithColumn("evse_id").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("connector_id").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("variable_name").AsString(50).NotNullable()
            .WithColumn("variable_instance").AsString(50).NotNullable().WithDefaultValue("")
            .WithColumn("monitor_type").AsString(24).NotNullable()
            .WithColumn("value").AsDecimal(18, 6).NotNullable().WithColumnDescription("The threshold, delta or period (s).")
            .WithColumn("severity").AsInt32().NotNullable()
            .WithColumn("transaction_only").AsBoolean().NotNullable()
            .WithColumn("origin").AsString(8).NotNullable().WithColumnDescription("Set or Reported.")
            .WithColumn("request_id").AsInt32().Nullable().WithColumnDescription("The GetMonitoringReport a reported monitor came in.")
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.PrimaryKey("pk_variable_monitors").OnTable("variable_monitors").Columns("station_id", "monitor_id");
        Alter.Table("stations")
            .AddColumn("monitoring_base").AsString(16).Nullable().WithColumnDescription("The last SetMonitoringBase the station accepted.")
            .AddColumn("monitoring_level").AsInt32().Nullable().WithColumnDescription("The last SetMonitoringLevel severity the station accepted.");
    }

    public override void Down()
    {
        Delete.Column("monitoring_base").Column("monitoring_level").FromTable("stations");
        Delete.Table("variable_monitors");
    }
}
