using System.Text.Json;
using DrivePower.Ocpp.Messages;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>One row of <c>display_messages</c>.</summary>
public sealed record DisplayMessageRecord(
    int Id, string Priority, string? State, DateTimeOffset? StartAt, DateTimeOffset? EndAt, string? TransactionId,
    string Content, string Origin, DateTimeOffset UpdatedAt, JsonElement Message);

/// <summary>
/// The messages on each station's display as far as the CSMS knows: stored when the station accepts a
/// SetDisplayMessage or reports them (NotifyDisplayMessages), removed when it accepts a ClearDisplayMessage.
/// </summary>
public sealed class DisplayMessageStore(SqlRunner sql)
{
    private const string UpsertSql = """
        INSERT INTO display_messages (station_id, message_id, priority, state, start_at, end_at, transaction_id, content, message, origin, updated_at)
        VALUES (@station, @id, @priority, @state, @startAt, @endAt, @transactionId, @content, @message, @origin, @at)
        ON CONFLICT ON CONSTRAINT pk_display_messages DO UPDATE SET
            priority = EXCLUDED.priority, state = EXCLUDED.state, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
            transaction_id = EXCLUDED.transaction_id, content = EXCLUDED.content, message = EXCLUDED.message,
            origin = EXCLUDED.origin, updated_at = EXCLUDED.updated_at
        """;

    private const string DeleteSql = "DELETE FROM display_messages WHERE station_id = @station AND message_id = @id";

    private const string ListSql = """
        SELECT message_id AS id, priority, state, start_at, end_at, transaction_id, content, origin, updated_at, message
        FROM display_messages WHERE station_id = @station ORDER BY message_id
        """;

    public Task RecordAsync(string stationId, IReadOnlyList<MessageInfo> messages, string origin, DateTimeOffset at, CancellationToken cancellationToken) =>
        sql.RunAsync("store display messages", $"{stationId} ({messages.Count})", SqlRetry.Idempotent, async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var message in messages)
            {
                await using var command = new NpgsqlCommand(UpsertSql, connection, transaction);
                command.Parameters.AddWithValue("station", stationId);
                command.Parameters.AddWithValue("id", message.Id);
                command.Parameters.AddWithValue("priority", message.Priority.ToString());
                command.Parameters.AddNullable("state", NpgsqlDbType.Text, message.State?.ToString());
                command.Parameters.AddNullable("startAt", NpgsqlDbType.TimestampTz, message.StartDateTime?.ToUniversalTime());
                command.Parameters.AddNullable("endAt", NpgsqlDbType.TimestampTz, message.EndDateTime?.ToUniversalTime());
                command.Parameters.AddNullable("transactionId", NpgsqlDbType.Text, message.TransactionId);
                command.Parameters.AddWithValue("content", message.Message.Content);
                command.Parameters.AddWithValue("message", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(message, OcppJsonContext.Default.MessageInfo));
                command.Parameters.AddWithValue("origin", origin);
                command.Parameters.AddWithValue("at", at.ToUniversalTime());
                await command.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return messages.Count;
        }, cancellationToken);

    public Task<int> RemoveAsync(string stationId, int messageId, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("remove a display message", $"{stationId} message {messageId}", SqlRetry.Idempotent, DeleteSql, parameters =>
        {
            parameters.AddWithValue("station", stationId);
            parameters.AddWithValue("id", messageId);
        }, cancellationToken);

    public Task<List<DisplayMessageRecord>> ListAsync(string stationId, CancellationToken cancellationToken) =>
        sql.QueryAsync<DisplayMessageRecord>("list display messages", stationId, SqlRetry.Idempotent, ListSql, new { station = stationId }, cancellationToken);
}
