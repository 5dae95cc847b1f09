using System.Data;
using FluentMigrator;
using FluentMigrator.Postgres;

namespace DrivePower.Migrations.Schema;

/// <summary>NotifyEvent, SecurityEventNotification and other station-wide notices, payload kept whole.</summary>
[Migration(202611230007, "station_events")]
public sealed class CreateStationEvents : Migration
{
    public override void Up()
    {
        Create.Table("station_events")
            .WithDescription("Station notifications that are stored as they came.")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_station_events").Identity(PostgresGenerationType.ByDefault)
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_station_events_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("kind").AsString(32).NotNullable()
                .WithColumnDescription("The OCPP action, e.g. NotifyEvent or SecurityEventNotification.")
            .WithColumn("event_type").AsString(64).Nullable()
                .WithColumnDescription("SecurityEventNotification type or NotifyEvent trigger.")
            .WithColumn("timestamp").AsDateTimeOffset().NotNullable()
            .WithColumn("payload").AsCustom("jsonb").NotNullable()
            .WithColumn("stored_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.Index("ix_station_events_station_stored").OnTable("station_events")
            .OnColumn("station_id").Ascending()
            .OnColumn("stored_at").Descending();
        Create.Index("ix_station_events_station_kind_stored").OnTable("station_events")
            .OnColumn("station_id").Ascending()
            .OnColumn("kind").Ascending()
            .OnColumn("stored_at").Descending();
    }

    public override void Down() => Delete.Table("station_events");
}
