using System.Data;
using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>
/// Firmware management (OCPP 2.0.1 block L): the firmware files operators uploaded (the bytes in the row,
/// with their SHA-256 and the CSMS's signature over them), the key pair the CSMS signs with, the
/// UpdateFirmware requests sent to stations, and every FirmwareStatusNotification of a request. The
/// history has no key to the update on purpose: a station may report a status before its answer is stored.
/// </summary>
[Migration(202612030001, "firmware")]
public sealed class CreateFirmware : Migration
{
    public override void Up()
    {
        Create.Table("firmware_files")
            .WithDescription("Firmware images operators uploaded; stations download them from /files/firmware/{id}/{file_name}.")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey("pk_firmware_files").Identity()
            .WithColumn("file_name").AsString(255).NotNullable()
            .WithColumn("size_bytes").AsInt64().NotNullable()
            .WithColumn("sha256").AsFixedLengthString(64).NotNullable().WithColumnDescription("Lowercase hex.")
            .WithColumn("version").AsString(50).Nullable().WithColumnDescription("From the image's first line 'DrivePower-Firmware <version>'; null when it has none.")
            .WithColumn("signature").AsString(800).NotNullable().WithColumnDescription("ECDSA P-256 SHA-256 signature (DER, base64) by the CSMS's signing key.")
            .WithColumn("content").AsCustom("bytea").NotNullable()
            .WithColumn("uploaded_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);

        Create.Table("firmware_signing_keys")
            .WithDescription("The CSMS's firmware signing key pair (one row), generated on first use.")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey("pk_firmware_signing_keys")
            .WithColumn("certificate_pem").AsString(5500).NotNullable()
            .WithColumn("private_key_pem").AsCustom("text").NotNullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);

        Create.Table("firmware_updates")
            .WithDescription("UpdateFirmware requests sent to stations, with the answer and the latest status reported.")
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_firmware_updates_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("request_id").AsInt32().NotNullable()
            .WithColumn("firmware_file_id").AsInt32().Nullable()
                .ForeignKey("fk_firmware_updates_file", "firmware_files", "id").OnDelete(Rule.SetNull)
            .WithColumn("location").AsString(512).NotNullable()
            .WithColumn("version").AsString(50).Nullable()
            .WithColumn("signed").AsBoolean().NotNullable()
            .WithColumn("answer").AsString(20).Nullable().WithColumnDescription("The UpdateFirmware answer; null until it is stored.")
            .WithColumn("status").AsString(32).Nullable().WithColumnDescription("The latest FirmwareStatusNotification for this requestId.")
            .WithColumn("requested_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now)
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.PrimaryKey("pk_firmware_updates").OnTable("firmware_updates").Columns("station_id", "request_id");

        Create.Table("firmware_status_history")
            .WithDescription("Every FirmwareStatusNotification with a requestId, in the order stored.")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_firmware_status_history").Identity()
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_firmware_status_history_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("request_id").AsInt32().NotNullable()
            .WithColumn("status").AsString(32).NotNullable()
            .WithColumn("stored_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.Index("ix_firmware_status_history_station_request").OnTable("firmware_status_history")
            .OnColumn("station_id").Ascending().OnColumn("request_id").Ascending().OnColumn("id").Ascending();
    }

    public override void Down()
    {
        Delete.Table("firmware_status_history");
        Delete.Table("firmware_updates");
        Delete.Table("firmware_signing_keys");
        Delete.Table("firmware_files");
    }
}
