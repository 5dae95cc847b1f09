using DrivePower.Csms.Journal;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace DrivePower.Tests.Csms.Journal;

public sealed class JournalWriterTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_batch_gets_ascending_ids_in_its_own_order_and_is_stored_under_them()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        var writer = csms.Get<IEnumerable<IHostedService>>().OfType<JournalWriter>().Single();
        var at = DateTimeOffset.UtcNow;
        var batch = Enumerable.Range(0, 300)
            .Select(i => new JournalEntry(0, "JW-ORDER", "StationToCsms", "CALL", $"m{i:D3}", "Heartbeat", "{}", null, null, at))
            .ToList();

        var written = await writer.WriteAsync(batch);

        Assert.Equal(batch.Select(e => e.MessageId), written.Select(e => e.MessageId));
        Assert.Equal(written.Select(e => e.Id).Order(), written.Select(e => e.Id));
        Assert.Equal(written.Length, written.Select(e => e.Id).Distinct().Count());
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, message_id FROM ocpp_journal WHERE station_id = 'JW-ORDER' ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new List<(long, string?)>();
        while (await reader.ReadAsync())
            stored.Add((reader.GetInt64(0), reader.GetString(1)));
        Assert.Equal(written.Select(e => (e.Id, e.MessageId)), stored);
    }
}
