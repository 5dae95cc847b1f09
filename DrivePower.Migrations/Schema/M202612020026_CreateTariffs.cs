using System.Data;
using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>
/// Tariffs (OCPP 2.0.1 block I): the default one (<c>station_id</c> null) and per-station overrides, each a
/// session fee plus prices per kWh and per minute; and the cost the CSMS computed for each transaction
/// (running while active, final once ended).
/// </summary>
[Migration(202612020026, "tariffs")]
public sealed class CreateTariffs : Migration
{
    public override void Up()
    {
        Create.Table("tariffs")
            .WithDescription("Prices the CSMS charges: the default (station_id null) and per-station overrides.")
            .WithColumn("station_id").AsString(48).Nullable()
                .ForeignKey("fk_tariffs_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("currency").AsFixedLengthString(3).NotNullable().WithColumnDescription("ISO 4217 code.")
            .WithColumn("price_per_kwh").AsDecimal(12, 4).NotNullable()
            .WithColumn("price_per_minute").AsDecimal(12, 4).NotNullable()
            .WithColumn("price_per_session").AsDecimal(12, 4).NotNullable()
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        // One default (NULLS NOT DISTINCT: the null station id counts once) and one override per station.
        Execute.Sql("CREATE UNIQUE INDEX uq_tariffs_station ON tariffs (station_id) NULLS NOT DISTINCT");
        Execute.Sql("""
            ALTER TABLE tariffs ADD CONSTRAINT ck_tariffs_prices CHECK (price_per_kwh >= 0 AND price_per_minute >= 0 AND price_per_session >= 0),
                ADD CONSTRAINT ck_tariffs_currency CHECK (currency ~ '^[A-Z]{3}$')
            """);
        Alter.Table("transactions")
            .AddColumn("total_cost").AsDecimal(14, 2).Nullable()
                .WithColumnDescription("The cost by the tariff: running while active, final once ended; null without a tariff.")
            .AddColumn("currency").AsFixedLengthString(3).Nullable();
    }

    public override void Down()
    {
        Delete.Column("total_cost").Column("currency").FromTable("transactions");
        Delete.Table("tariffs");
    }
}
