using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>The operator's authorization list: what Authorize and TransactionEvent answer for a token.</summary>
[Migration(202611230003, "id_tokens")]
public sealed class CreateIdTokens : Migration
{
    public override void Up() =>
        Create.Table("id_tokens")
            .WithDescription("IdTokens the CSMS knows; a token not listed here is Unknown.")
            .WithColumn("id_token").AsString(36).NotNullable().PrimaryKey("pk_id_tokens")
            .WithColumn("type").AsString(20).NotNullable().PrimaryKey("pk_id_tokens")
                .WithColumnDescription("IdTokenEnumType: Central, eMAID, ISO14443, ISO15693, KeyCode, Local, MacAddress, NoAuthorization.")
            .WithColumn("status").AsString(32).NotNullable().WithDefaultValue("Accepted")
                .WithColumnDescription("AuthorizationStatusEnumType answered for this token.")
            .WithColumn("expires_at").AsDateTimeOffset().Nullable()
                .WithColumnDescription("Sent as idTokenInfo.cacheExpiryDateTime; null: no expiry.")
            .WithColumn("group_id_token").AsString(36).Nullable()
            .WithColumn("group_id_token_type").AsString(20).Nullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now)
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);

    public override void Down() => Delete.Table("id_tokens");
}
