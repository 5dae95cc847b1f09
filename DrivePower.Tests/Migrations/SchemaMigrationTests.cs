using DrivePower.Migrations;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Migrations;

public sealed class SchemaMigrationTests
{
    private static readonly string[] AllTables =
    [
        "charging_limits", "charging_profiles", "customer_information", "device_model_variables", "display_messages",
        "firmware_files", "firmware_signing_keys", "firmware_status_history", "firmware_updates", "id_tokens", "local_auth_list_entries",
        "local_auth_lists", "meter_values", "ocpp_journal", "reservations",
        "station_connector_status_history",
        "station_connector_statuses", "station_events", "station_logs", "stations", "tariffs", "transaction_events", "transactions",
        "variable_monitors",
    ];

    private static readonly string[] AllIndexes =
    [
        "ix_firmware_status_history_station_request", "ix_meter_values_station_timestamp", "ix_meter_values_transaction_timestamp",
        "ix_ocpp_journal_at", "ix_ocpp_journal_station_id",
        "ix_station_connector_status_history_station_stored",
        "ix_station_events_station_kind_stored", "ix_station_events_station_stored",
        "ix_transactions_active_station", "ix_transactions_started_at",
        "pk_charging_limits", "pk_charging_profiles", "pk_customer_information", "pk_device_model_variables", "pk_display_messages",
        "pk_firmware_files", "pk_firmware_signing_keys", "pk_firmware_status_history", "pk_firmware_updates", "pk_id_tokens",
        "pk_local_auth_list_entries", "pk_local_auth_lists", "pk_meter_values", "pk_ocpp_journal",
        "pk_reservations", "pk_station_connector_status_history",
        "pk_station_connector_statuses", "pk_station_events", "pk_station_logs", "pk_stations", "pk_transaction_events", "pk_transactions",
        "pk_variable_monitors",
        "uq_tariffs_station", "uq_transaction_events_seq_no", "uq_transactions_station_transaction",
        "ux_station_logs_token",
    ];

    [Fact]
    public async Task Up_creates_every_table_and_index()
    {
        await using var db = await ScratchDatabase.CreateAsync("up");

        new SchemaMigrator(db.ConnectionString).Up();

        Assert.Equal(AllTables, await SchemaInspector.TablesAsync(db.ConnectionString));
        Assert.Equal(AllIndexes, await SchemaInspector.IndexesAsync(db.ConnectionString));
        Assert.Contains("firmware_status", await SchemaInspector.ColumnsAsync(db.ConnectionString, "stations"));
    }

    [Fact]
    public async Task Up_twice_changes_nothing()
    {
        await using var db = await ScratchDatabase.CreateAsync("uptwice", migrated: true);
        var before = await SchemaInspector.SnapshotAsync(db.ConnectionString);

        new SchemaMigrator(db.ConnectionString).Up();

        Assert.Equal(before, await SchemaInspector.SnapshotAsync(db.ConnectionString));
    }

    /// <summary>The tables of the migrations up to 202611230007 (station_events), which later ones never touch.</summary>
    private static readonly string[] FirstSevenTables =
    [
        "id_tokens", "meter_values", "station_connector_status_history", "station_connector_statuses", "station_events",
        "stations", "transaction_events", "transactions",
    ];

    [Fact]
    public async Task Down_removes_exactly_the_last_migrations_asked_for()
    {
        await using var db = await ScratchDatabase.CreateAsync("downlast", migrated: true);
        var later = DeclaredMigrations.All().Count(migration => migration.Version > 202611230007);

        new SchemaMigrator(db.ConnectionString).Down(later);

        Assert.Equal(FirstSevenTables, await SchemaInspector.TablesAsync(db.ConnectionString));
        Assert.DoesNotContain("csms_ended_by", await SchemaInspector.ColumnsAsync(db.ConnectionString, "transactions"));
        var stationColumns = await SchemaInspector.ColumnsAsync(db.ConnectionString, "stations");
        Assert.DoesNotContain("firmware_status", stationColumns);
        Assert.DoesNotContain("log_status_at", stationColumns);
        Assert.Contains("last_seen_at", stationColumns);
    }

    [Fact]
    public async Task Every_down_restores_the_schema_before_its_up()
    {
        await using var db = await ScratchDatabase.CreateAsync("roundtrip");
        var migrator = new SchemaMigrator(db.ConnectionString);
        var versions = migrator.List().Select(m => m.Version).ToList();
        var snapshots = new List<List<string>> { await SchemaInspector.SnapshotAsync(db.ConnectionString) };
        foreach (var version in versions)
        {
            migrator.Up(version);
            snapshots.Add(await SchemaInspector.SnapshotAsync(db.ConnectionString));
        }

        for (var applied = versions.Count; applied > 0; applied--)
        {
            migrator.Down(1);
            Assert.Equal(snapshots[applied - 1], await SchemaInspector.SnapshotAsync(db.ConnectionString));
        }

        Assert.Empty(await SchemaInspector.TablesAsync(db.ConnectionString));
    }

    [Fact]
    public async Task Up_after_down_restores_the_same_schema()
    {
        await using var db = await ScratchDatabase.CreateAsync("redo", migrated: true);
        var migrator = new SchemaMigrator(db.ConnectionString);
        var full = await SchemaInspector.SnapshotAsync(db.ConnectionString);

        migrator.Down(5);
        Assert.NotEqual(full, await SchemaInspector.SnapshotAsync(db.ConnectionString));
        migrator.Up();

        Assert.Equal(full, await SchemaInspector.SnapshotAsync(db.ConnectionString));
    }

    [Fact]
    public async Task List_reports_applied_and_pending_migrations_in_version_order()
    {
        await using var db = await ScratchDatabase.CreateAsync("list", migrated: true);
        var migrator = new SchemaMigrator(db.ConnectionString);

        migrator.Down(2);
        var migrations = migrator.List();

        var declared = DeclaredMigrations.All();
        Assert.Equal(declared.Select(m => m.Version), migrations.Select(m => m.Version));
        Assert.Equal(declared.Select((_, index) => index < declared.Count - 2), migrations.Select(m => m.Applied));
        Assert.Equal("CreateStations", migrations[0].Name);
    }

    [Fact]
    public async Task List_on_an_empty_database_reports_everything_pending()
    {
        await using var db = await ScratchDatabase.CreateAsync("listempty");

        var migrations = new SchemaMigrator(db.ConnectionString).List();

        Assert.NotEmpty(migrations);
        Assert.All(migrations, m => Assert.False(m.Applied));
    }

    [Theory]
    [InlineData(0, "at least 1")]
    [InlineData(-1, "only {0} migration(s) are applied")] // -1: one more than there are
    public async Task Down_rejects_a_step_count_out_of_range_and_changes_nothing(int steps, string message)
    {
        await using var db = await ScratchDatabase.CreateAsync("downbad", migrated: true);
        var migrator = new SchemaMigrator(db.ConnectionString);
        var count = DeclaredMigrations.All().Count;
        (steps, message) = steps < 0 ? (count + 1, string.Format(System.Globalization.CultureInfo.InvariantCulture, message, count)) : (steps, message);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => migrator.Down(steps));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.All(migrator.List(), m => Assert.True(m.Applied));
    }
}
