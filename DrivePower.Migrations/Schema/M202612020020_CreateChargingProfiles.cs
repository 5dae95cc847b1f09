using System.Data;
using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>
/// Smart charging (OCPP 2.0.1 block K): the charging profiles a station has (set by the CSMS and
/// accepted, or reported by the station), and the limits others than the CSMS put on it (NotifyChargingLimit).
/// A profile id is unique within a station (a SetChargingProfile with a known id replaces that profile).
/// </summary>
[Migration(202612020020, "charging_profiles")]
public sealed class CreateChargingProfiles : Migration
{
    public override void Up()
    {
        Create.Table("charging_profiles")
            .WithDescription("Charging profiles installed on a station, as the CSMS set them or the station reported them.")
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_charging_profiles_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("profile_id").AsInt32().NotNullable()
            .WithColumn("evse_id").AsInt32().NotNullable().WithColumnDescription("0: the station as a whole.")
            .WithColumn("stack_level").AsInt32().NotNullable()
            .WithColumn("purpose").AsString(40).NotNullable()
            .WithColumn("kind").AsString(16).NotNullable()
            .WithColumn("transaction_id").AsString(36).Nullable()
            .WithColumn("valid_from").AsDateTimeOffset().Nullable()
            .WithColumn("valid_to").AsDateTimeOffset().Nullable()
            .WithColumn("profile").AsCustom("jsonb").NotNullable().WithColumnDescription("The ChargingProfile as sent or reported.")
            .WithColumn("source").AsString(8).NotNullable().WithDefaultValue("CSO")
                .WithColumnDescription("chargingLimitSource: CSO for the CSMS's own profiles.")
            .WithColumn("origin").AsString(8).NotNullable()
                .WithColumnDescription("Set (the CSMS set it and the station accepted) or Reported (ReportChargingProfiles).")
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.PrimaryKey("pk_charging_profiles").OnTable("charging_profiles").Columns("station_id", "profile_id");

        Create.Table("charging_limits")
            .WithDescription("External limits on a station (NotifyChargingLimit), until ClearedChargingLimit.")
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_charging_limits_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("evse_id").AsInt32().NotNullable().WithDefaultValue(0).WithColumnDescription("0 when no EVSE was given.")
            .WithColumn("source").AsString(8).NotNullable().WithColumnDescription("EMS, Other, SO or CSO.")
            .WithColumn("is_grid_critical").AsBoolean().Nullable()
            .WithColumn("schedules").AsCustom("jsonb").Nullable().WithColumnDescription("The chargingSchedule array, if sent.")
            .WithColumn("notified_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.PrimaryKey("pk_charging_limits").OnTable("charging_limits").Columns("station_id", "evse_id", "source");
    }

    public override void Down()
    {
        Delete.Table("charging_limits");
        Delete.Table("charging_profiles");
    }
}
