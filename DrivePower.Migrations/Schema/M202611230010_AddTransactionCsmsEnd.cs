using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>A transaction an operator ended on the CSMS side (POST /api/transactions/{id}/end): who, why and when.</summary>
[Migration(202611230010, "transactions: ended by the CSMS")]
public sealed class AddTransactionCsmsEnd : Migration
{
    public override void Up() =>
        Alter.Table("transactions")
            .AddColumn("csms_ended_by").AsString(100).Nullable()
                .WithColumnDescription("Who ended the transaction on the CSMS side; null when the station ended it.")
            .AddColumn("csms_end_reason").AsString(500).Nullable()
            .AddColumn("csms_ended_at").AsDateTimeOffset().Nullable();

    public override void Down() =>
        Delete.Column("csms_ended_by").Column("csms_end_reason").Column("csms_ended_at").FromTable("transactions");
}
