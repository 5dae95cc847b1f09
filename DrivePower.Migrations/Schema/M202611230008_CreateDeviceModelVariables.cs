using System.Data;
using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>
/// NotifyReport / GetVariables results. Absent component or variable instance is stored as '' and
/// an absent EVSE or connector as 0 (OCPP numbers them from 1), so the key needs no nullable column.
/// </summary>
[Migration(202611230008, "device_model_variables")]
public sealed class CreateDeviceModelVariables : Migration
{
    private static readonly string[] Key =
    [
        "station_id", "component_name", "component_instance", "evse_id", "connector_id",
        "variable_name", "variable_instance", "attribute_type",
    ];

    public override void Up()
    {
        Create.Table("device_model_variables")
            .WithDescription("The last reported value of each variable attribute of a station's device model.")
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_device_model_variables_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("component_name").AsString(50).NotNullable()
            .WithColumn("component_instance").AsString(50).NotNullable().WithDefaultValue(string.Empty)
                .WithColumnDescription("'' when the component has no instance.")
            .WithColumn("evse_id").AsInt32().NotNullable().WithDefaultValue(0)
                .WithColumnDescription("0 when the component is not EVSE-specific.")
            .WithColumn("connector_id").AsInt32().NotNullable().WithDefaultValue(0)
                .WithColumnDescription("0 when the component is not connector-specific.")
            .WithColumn("variable_name").AsString(50).NotNullable()
            .WithColumn("variable_instance").AsString(50).NotNullable().WithDefaultValue(string.Empty)
                .WithColumnDescription("'' when the variable has no instance.")
            .WithColumn("attribute_type").AsString(8).NotNullable().WithDefaultValue("Actual")
                .WithColumnDescription("Actual, Target, MinSet or MaxSet.")
            .WithColumn("value").AsString(2500).Nullable()
            .WithColumn("mutability").AsString(16).Nullable()
            .WithColumn("data_type").AsString(16).Nullable()
            .WithColumn("unit").AsString(16).Nullable()
            .WithColumn("min_limit").AsCustom("numeric").Nullable()
            .WithColumn("max_limit").AsCustom("numeric").Nullable()
            .WithColumn("values_list").AsString(1000).Nullable()
            .WithColumn("reported_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now)
            .WithColumn("request_id").AsInt32().Nullable()
                .WithColumnDescription("requestId of the GetBaseReport/GetReport this row came from, if any.");
        Create.PrimaryKey("pk_device_model_variables").OnTable("device_model_variables").Columns(Key);
    }

    public override void Down() => Delete.Table("device_model_variables");
}
