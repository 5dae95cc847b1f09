using System.Data;
using FluentMigrator;
using FluentMigrator.Postgres;

namespace DrivePower.Migrations.Schema;

/// <summary>TransactionEvent: one row per (station, station's transactionId), kept current by each event.</summary>
[Migration(202611230004, "transactions")]
public sealed class CreateTransactions : Migration
{
    private const string ActiveIndex = """
        CREATE INDEX ix_transactions_active_station ON transactions (station_id, evse_id) WHERE is_active
        """;

    public override void Up()
    {
        Create.Table("transactions")
            .WithDescription("Charging transactions as the stations report them through TransactionEvent.")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_transactions").Identity(PostgresGenerationType.ByDefault)
            .WithColumn("station_id").AsString(48).NotNullable()
                .ForeignKey("fk_transactions_station", "stations", "id").OnDelete(Rule.Cascade)
            .WithColumn("transaction_id").AsString(36).NotNullable()
                .WithColumnDescription("transactionInfo.transactionId: the station's id, unique per station.")
            .WithColumn("evse_id").AsInt32().Nullable()
            .WithColumn("connector_id").AsInt32().Nullable()
            .WithColumn("id_token").AsString(36).Nullable()
            .WithColumn("id_token_type").AsString(20).Nullable()
            .WithColumn("started_at").AsDateTimeOffset().Nullable()
                .WithColumnDescription("Timestamp of the Started event; null until one arrives.")
            .WithColumn("ended_at").AsDateTimeOffset().Nullable()
            .WithColumn("last_event_at").AsDateTimeOffset().NotNullable()
            .WithColumn("stopped_reason").AsString(32).Nullable()
            .WithColumn("charging_state").AsString(32).Nullable()
            .WithColumn("energy_start_wh").AsCustom("numeric").Nullable()
            .WithColumn("energy_end_wh").AsCustom("numeric").Nullable()
                .WithColumnDescription("Latest Energy.Active.Import.Register reading in Wh (the final one once ended).")
            .WithColumn("last_seq_no").AsInt32().NotNullable()
            .WithColumn("is_active").AsBoolean().NotNullable().WithDefaultValue(true)
            .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now)
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.UniqueConstraint("uq_transactions_station_transaction").OnTable("transactions")
            .Columns("station_id", "transaction_id");
        Execute.Sql(ActiveIndex);
        Create.Index("ix_transactions_started_at").OnTable("transactions")
            .OnColumn("started_at").Descending();
    }

    public override void Down() => Delete.Table("transactions");
}
