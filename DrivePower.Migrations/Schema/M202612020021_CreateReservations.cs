using System.Data;
using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>
/// Reservations (OCPP 2.0.1 block H): each one a station accepted, and how it ended. The id is the
/// CSMS's (ReserveNow.id), unique per station.
/// </summary>
[Migration(202612020021, "reservations")]
public sealed class CreateReservations : Migration
{
    public override void Up()
    {
        Create.Table("reservations")
            .WithDescription("Reservations the stations accepted (ReserveNow), until used, cancelled, expired or removed.")
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_reservations_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("reservation_id").AsInt32().NotNullable()
            .WithColumn("evse_id").AsInt32().Nullable().WithColumnDescription("NULL: any EVSE of the station.")
            .WithColumn("id_token").AsString(36).NotNullable()
            .WithColumn("id_token_type").AsString(20).NotNullable()
            .WithColumn("group_id_token").AsString(36).Nullable()
            .WithColumn("connector_type").AsString(20).Nullable()
            .WithColumn("expires_at").AsDateTimeOffset().NotNullable()
            .WithColumn("status").AsString(12).NotNullable()
                .WithColumnDescription("Active, Used (a transaction started with it), Cancelled, Expired or Removed.")
            .WithColumn("transaction_id").AsString(36).Nullable().WithColumnDescription("The transaction that used it.")
            .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now)
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.PrimaryKey("pk_reservations").OnTable("reservations").Columns("station_id", "reservation_id");
    }

    public override void Down() => Delete.Table("reservations");
}
