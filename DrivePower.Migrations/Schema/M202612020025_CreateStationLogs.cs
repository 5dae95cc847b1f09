using System.Data;
using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>
/// Diagnostics (OCPP 2.0.1 block N): the logs the CSMS asked stations for (GetLog), each with the
/// upload token in its location and the file the station uploaded; and the parts of the customer
/// information stations reported (NotifyCustomerInformation).
/// </summary>
[Migration(202612020025, "station_logs")]
public sealed class CreateStationLogs : Migration
{
    public override void Up()
    {
        Create.Table("station_logs")
            .WithDescription("GetLog requests and the files the stations uploaded for them.")
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_station_logs_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("request_id").AsInt32().NotNullable()
            .WithColumn("log_type").AsString(16).NotNullable()
            .WithColumn("upload_token").AsString(64).NotNullable().Unique("ux_station_logs_token")
            .WithColumn("answer").AsString(20).Nullable().WithColumnDescription("The GetLog answer: Accepted, Rejected or AcceptedCanceled.")
            .WithColumn("status").AsString(24).Nullable().WithColumnDescription("The latest LogStatusNotification for this requestId.")
            .WithColumn("file_name").AsString(255).Nullable()
            .WithColumn("content").AsCustom("bytea").Nullable()
            .WithColumn("size_bytes").AsInt64().Nullable()
            .WithColumn("requested_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now)
            .WithColumn("uploaded_at").AsDateTimeOffset().Nullable();
        Create.PrimaryKey("pk_station_logs").OnTable("station_logs").Columns("station_id", "request_id");

        Create.Table("customer_information")
            .WithDescription("The parts of NotifyCustomerInformation reports, per station and requestId.")
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_customer_information_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("request_id").AsInt32().NotNullable()
            .WithColumn("seq_no").AsInt32().NotNullable()
            .WithColumn("tbc").AsBoolean().NotNullable()
            .WithColumn("data").AsString(512).NotNullable()
            .WithColumn("generated_at").AsDateTimeOffset().NotNullable();
        Create.PrimaryKey("pk_customer_information").OnTable("customer_information").Columns("station_id", "request_id", "seq_no");
    }

    public override void Down()
    {
        Delete.Table("customer_information");
        Delete.Table("station_logs");
    }
}
