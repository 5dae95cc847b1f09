using System.Data;
using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>
/// Display messages (OCPP 2.0.1 block O): the messages a station shows, as the CSMS set them (and the
/// station accepted) or the station reported them (NotifyDisplayMessages). The id is unique per station.
/// </summary>
[Migration(202612020023, "display_messages")]
public sealed class CreateDisplayMessages : Migration
{
    public override void Up()
    {
        Create.Table("display_messages")
            .WithDescription("Messages on the stations' displays, as set (and accepted) or reported.")
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_display_messages_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("message_id").AsInt32().NotNullable()
            .WithColumn("priority").AsString(12).NotNullable()
            .WithColumn("state").AsString(12).Nullable()
            .WithColumn("start_at").AsDateTimeOffset().Nullable()
            .WithColumn("end_at").AsDateTimeOffset().Nullable()
            .WithColumn("transaction_id").AsString(36).Nullable()
            .WithColumn("content").AsString(512).NotNullable()
            .WithColumn("message").AsCustom("jsonb").NotNullable().WithColumnDescription("The MessageInfo as sent or reported.")
            .WithColumn("origin").AsString(8).NotNullable().WithColumnDescription("Set or Reported.")
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.PrimaryKey("pk_display_messages").OnTable("display_messages").Columns("station_id", "message_id");
    }

    public override void Down() => Delete.Table("display_messages");
}
