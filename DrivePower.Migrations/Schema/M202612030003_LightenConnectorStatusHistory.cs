using System.Data;
using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>
/// The status history is the most written table of a busy stand (one row per StatusNotification), so
/// each row should cost as little as it can. Its foreign key to <c>stations</c> checked and share-locked
/// the station's row once per history row, which measured as almost half of the insert's time: it goes,
/// because the same statement inserts or updates the connector's current row, whose foreign key stays
/// and fails the statement for a station that is not stored. The connector-level index goes too: a
/// connector's history is a filter on the station-level index, which stays.
/// Deleting a station deletes its history explicitly (the CSMS's delete statement does).
/// </summary>
[Migration(202612030003, "station_connector_status_history: no foreign key, one index")]
public sealed class LightenConnectorStatusHistory : Migration
{
    private const string Table = "station_connector_status_history";

    public override void Up()
    {
        Delete.ForeignKey("fk_station_connector_status_history_station").OnTable(Table);
        Delete.Index("ix_station_connector_status_history_connector_stored").OnTable(Table);
    }

    public override void Down()
    {
        Execute.Sql($"DELETE FROM {Table} AS h WHERE NOT EXISTS (SELECT 1 FROM stations AS s WHERE s.id = h.station_id)");
        Create.ForeignKey("fk_station_connector_status_history_station")
            .FromTable(Table).ForeignColumn("station_id")
            .ToTable("stations").PrimaryColumn("id")
            .OnDelete(Rule.Cascade);
        Create.Index("ix_station_connector_status_history_connector_stored").OnTable(Table)
            .OnColumn("station_id").Ascending()
            .OnColumn("evse_id").Ascending()
            .OnColumn("connector_id").Ascending()
            .OnColumn("stored_at").Descending();
    }
}
