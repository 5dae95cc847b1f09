using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>One row per station identity; BootNotification fills the hardware columns.</summary>
[Migration(202611230001, "stations")]
public sealed class CreateStations : Migration
{
    public override void Up() =>
        Create.Table("stations")
            .WithDescription("Charging stations known to the CSMS, keyed by their OCPP-J identity.")
            .WithColumn("id").AsString(48).NotNullable().PrimaryKey("pk_stations")
                .WithColumnDescription("Station identity from the connection URL (at most 48 characters).")
            .WithColumn("vendor_name").AsString(50).Nullable()
            .WithColumn("model").AsString(20).Nullable()
            .WithColumn("serial_number").AsString(25).Nullable()
            .WithColumn("firmware_version").AsString(50).Nullable()
            .WithColumn("modem_iccid").AsString(20).Nullable()
            .WithColumn("modem_imsi").AsString(20).Nullable()
            .WithColumn("last_boot_reason").AsString(32).Nullable()
            .WithColumn("registration_status").AsString(16).Nullable()
                .WithColumnDescription("Last BootNotification answer: Accepted, Pending or Rejected.")
            .WithColumn("first_boot_at").AsDateTimeOffset().Nullable()
            .WithColumn("last_boot_at").AsDateTimeOffset().Nullable()
            .WithColumn("last_seen_at").AsDateTimeOffset().Nullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now)
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);

    public override void Down() => Delete.Table("stations");
}
