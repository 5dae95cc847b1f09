using System.Data;
using FluentMigrator;
using FluentMigrator.Postgres;

namespace DrivePower.Migrations.Schema;

/// <summary>Every TransactionEvent as received; a repeated seqNo violates uq_transaction_events_seq_no.</summary>
[Migration(202611230006, "transaction_events")]
public sealed class CreateTransactionEvents : Migration
{
    public override void Up()
    {
        Create.Table("transaction_events")
            .WithDescription("Raw TransactionEvent requests, one row per seqNo of a transaction.")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey("pk_transaction_events").Identity(PostgresGenerationType.ByDefault)
            .WithColumn("transaction_pk").AsInt64().NotNullable()
                .ForeignKey("fk_transaction_events_transaction", "transactions", "id").OnDelete(Rule.Cascade)
            .WithColumn("seq_no").AsInt32().NotNullable()
            .WithColumn("event_type").AsString(16).NotNullable()
                .WithColumnDescription("Started, Updated or Ended.")
            .WithColumn("trigger_reason").AsString(32).NotNullable()
            .WithColumn("timestamp").AsDateTimeOffset().NotNullable()
            .WithColumn("payload").AsCustom("jsonb").NotNullable()
            .WithColumn("stored_at").AsDateTimeOffset().NotNullable().WithDefaultValue(Sql.Now);
        Create.UniqueConstraint("uq_transaction_events_seq_no").OnTable("transaction_events")
            .Columns("transaction_pk", "seq_no");
    }

    public override void Down() => Delete.Table("transaction_events");
}
