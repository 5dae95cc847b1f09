using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>FirmwareStatusNotification and LogStatusNotification: the latest of each on the station row.</summary>
[Migration(202611230009, "stations: firmware and log status")]
public sealed class AddStationFirmwareAndLogStatus : Migration
{
    public override void Up() =>
        Alter.Table("stations")
            .AddColumn("firmware_status").AsString(32).Nullable()
            .AddColumn("firmware_status_request_id").AsInt32().Nullable()
            .AddColumn("firmware_status_at").AsDateTimeOffset().Nullable()
            .AddColumn("log_status").AsString(32).Nullable()
            .AddColumn("log_status_request_id").AsInt32().Nullable()
            .AddColumn("log_status_at").AsDateTimeOffset().Nullable();

    public override void Down() =>
        Delete.Column("firmware_status")
            .Column("firmware_status_request_id")
            .Column("firmware_status_at")
            .Column("log_status")
            .Column("log_status_request_id")
            .Column("log_status_at")
            .FromTable("stations");
}
