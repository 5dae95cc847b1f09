using System.Data;
using FluentMigrator;
using FluentMigrator.Postgres;

namespace DrivePower.Migrations.Schema;

/// <summary>One row per sampledValue, from MeterValues or from a TransactionEvent's meterValue[].</summary>
[Migration(202611230005, "meter_values")]
public sealed class CreateMeterValues : Migration
{
    public override void Up()
    {
        Create.Table("meter_values")
            .WithDescription("Sampled values; transaction_pk is set when they came with a transaction.")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_meter_values").Identity(PostgresGenerationType.ByDefault)
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_meter_values_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("evse_id").AsInt32().Nullable()
            .WithColumn("transaction_pk").AsInt64().Nullable()
                .ForeignKey("fk_meter_values_transaction", "transactions", "id").OnDelete(Rule.Cascade)
            .WithColumn("timestamp").AsDateTimeOffset().NotNullable()
            .WithColumn("measurand").AsString(64).NotNullable().WithDefaultValue("Energy.Active.Import.Register")
            .WithColumn("phase").AsString(8).Nullable()
            .WithColumn("location").AsString(16).Nullable()
            .WithColumn("context").AsString(32).Nullable()
            .WithColumn("unit").AsString(20).Nullable()
            .WithColumn("value").AsCustom("numeric").NotNullable()
            .WithColumn("seq_no").AsInt32().Nullable()
                .WithColumnDescription("seqNo of the TransactionEvent that carried the value; null for MeterValues.")
            .WithColumn("stored_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.Index("ix_meter_values_transaction_timestamp").OnTable("meter_values")
            .OnColumn("transaction_pk").Ascending()
            .OnColumn("timestamp").Ascending();
        Create.Index("ix_meter_values_station_timestamp").OnTable("meter_values")
            .OnColumn("station_id").Ascending()
            .OnColumn("timestamp").Descending();
    }

    public override void Down() => Delete.Table("meter_values");
}
