using System.Data;
using FluentMigrator;
using FluentMigrator.Postgres;

namespace DrivePower.Migrations.Schema;

/// <summary>StatusNotification: the latest status per connector and every status ever reported.</summary>
[Migration(202611230002, "station_connector_statuses, station_connector_status_history")]
public sealed class CreateConnectorStatuses : Migration
{
    public override void Up()
    {
        Create.Table("station_connector_statuses")
            .WithDescription("Latest StatusNotification per connector.")
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_station_connector_statuses_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("evse_id").AsInt32().NotNullable()
            .WithColumn("connector_id").AsInt32().NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("status_timestamp").AsDateTimeOffset().NotNullable()
                .WithColumnDescription("The timestamp the station reported.")
            .WithColumn("stored_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.PrimaryKey("pk_station_connector_statuses").OnTable("station_connector_statuses")
            .Columns("station_id", "evse_id", "connector_id");

        Create.Table("station_connector_status_history")
            .WithDescription("Every StatusNotification received, oldest first by id.")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_station_connector_status_history").Identity(PostgresGenerationType.ByDefault)
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_station_connector_status_history_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("evse_id").AsInt32().NotNullable()
            .WithColumn("connector_id").AsInt32().NotNullable()
            .WithColumn("status").AsString(16).NotNullable()
            .WithColumn("status_timestamp").AsDateTimeOffset().NotNullable()
            .WithColumn("stored_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.Index("ix_station_connector_status_history_station_stored").OnTable("station_connector_status_history")
            .OnColumn("station_id").Ascending()
            .OnColumn("stored_at").Descending();
        Create.Index("ix_station_connector_status_history_connector_stored").OnTable("station_connector_status_history")
            .OnColumn("station_id").Ascending()
            .OnColumn("evse_id").Ascending()
            .OnColumn("connector_id").Ascending()
            .OnColumn("stored_at").Descending();
    }

    public override void Down()
    {
        Delete.Table("station_connector_status_history");
        Delete.Table("station_connector_statuses");
    }
}
