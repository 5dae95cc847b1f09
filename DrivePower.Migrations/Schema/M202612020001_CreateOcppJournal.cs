using FluentMigrator;
using FluentMigrator.Postgres;

namespace DrivePower.Migrations.Schema;

/// <summary>
/// The message journal: every OCPP frame in and out of the CSMS, written in batches off the station
/// path and purged after <c>Csms:Journal:RetentionHours</c>. No foreign key to stations: a station's
/// first frame (its BootNotification) comes before its row, and an unknown station's frames count too.
/// </summary>
[Migration(202612020001, "ocpp_journal")]
public sealed class CreateOcppJournal : Migration
{
    public override void Up()
    {
        Create.Table("ocpp_journal")
            .WithDescription("OCPP frames as the CSMS received and sent them; a CALL and its answer share station_id and message_id.")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_ocpp_journal").Identity(PostgresGenerationType.ByDefault)
            .WithColumn("station_id").AsString(48).NotNullable()
            .WithColumn("direction").AsString(16).NotNullable()
                .WithColumnDescription("StationToCsms or CsmsToStation.")
            .WithColumn("frame_type").AsString(16).NotNullable()
                .WithColumnDescription("CALL, CALLRESULT, CALLERROR, or MALFORMED for a received frame that could not be parsed.")
            .WithColumn("message_id").AsCustom("text").Nullable()
            .WithColumn("action").AsCustom("text").Nullable()
                .WithColumnDescription("The CALL's action; on an answer, the action of the CALL it answers when known.")
            .WithColumn("payload").AsCustom("text").NotNullable()
                .WithColumnDescription("The payload as on the wire (CALLERROR: its errorDetails; MALFORMED: the whole frame).")
            .WithColumn("error_code").AsCustom("text").Nullable()
            .WithColumn("error_description").AsCustom("text").Nullable()
            .WithColumn("at").AsDateTimeOffset().NotNullable()
                .WithColumnDescription("When the CSMS received the frame, or handed it to the socket.");
        // Two indexes only: every index is written once per frame, and three b-trees halved the CSMS's
        // throughput under load. Per-station browsing and the CALL/answer pairing (a station's frames near
        // an id) use (station_id, id); time ranges and the retention purge use a BRIN on the time the rows
        // are appended in, which costs next to nothing to keep up.
        Create.Index("ix_ocpp_journal_station_id").OnTable("ocpp_journal")
            .OnColumn("station_id").Ascending()
            .OnColumn("id").Descending();
        Execute.Sql("CREATE INDEX ix_ocpp_journal_at ON ocpp_journal USING brin (at)");
    }

    public override void Down() => Delete.Table("ocpp_journal");
}
