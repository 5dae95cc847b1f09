using System.Data;
using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>
/// Local authorization lists (OCPP 2.0.1 block D): per station the version and the entries of the list
/// it accepted from the CSMS (SendLocalList), so the CSMS knows what each station authorizes offline.
/// </summary>
[Migration(202612020022, "local_auth_lists")]
public sealed class CreateLocalAuthLists : Migration
{
    public override void Up()
    {
        Create.Table("local_auth_lists")
            .WithDescription("The version of each station's local authorization list, as last accepted.")
            .WithColumn("station_id").AsString(48).NotNullable().PrimaryKey("pk_local_auth_lists")
                .ForeignKey("fk_local_auth_lists_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("version").AsInt32().NotNullable()
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);

        Create.Table("local_auth_list_entries")
            .WithDescription("The tokens of each station's local authorization list and their verdicts.")
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_local_auth_list_entries_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("id_token").AsString(36).NotNullable().WithColumnDescription("As sent; matched ignoring case.")
            .WithColumn("id_token_type").AsString(20).NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("id_token_info").AsCustom("jsonb").NotNullable().WithColumnDescription("The IdTokenInfo as sent.");
        Create.PrimaryKey("pk_local_auth_list_entries").OnTable("local_auth_list_entries").Columns("station_id", "id_token_type", "id_token");
    }

    public override void Down()
    {
        Delete.Table("local_auth_list_entries");
        Delete.Table("local_auth_lists");
    }
}
