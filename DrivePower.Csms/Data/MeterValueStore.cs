using System.Text.Json;
using Npgsql;

namespace DrivePower.Csms.Data;

/// <summary>MeterValues: sampled values of an EVSE, tied to the transaction active on it, if any.</summary>
public sealed class MeterValueStore(SqlRunner sql)
{
    private const string InsertSql = """
        INSERT INTO meter_values (station_id, evse_id, transaction_pk, timestamp, measurand, phase, location, context, unit, value, seq_no, stored_at)
        SELECT @station, @evse,
               (SELECT id FROM transactions WHERE station_id = @station AND evse_id = @evse AND is_active ORDER BY id DESC LIMIT 1),
               v.timestamp, v.measurand, v.phase, v.location, v.context, v.unit, v.value, NULL, @now
        FROM unnest(@timestamps, @measurands, @phases, @locations, @contexts, @units, @values)
            AS v(timestamp, measurand, phase, location, context, unit, value)
        """;

    /// <summary>Stores every sampled value of the payload's <c>meterValue[]</c>; returns how many.</summary>
    public Task<int> RecordAsync(string stationId, int evseId, JsonElement payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = MeterValueRows.From(payload);
        return sql.RunAsync("store meter values", $"{stationId} evse {evseId}", SqlRetry.Once, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(InsertSql, connection);
            command.Parameters.AddWithValue("station", stationId);
            command.Parameters.AddWithValue("evse", evseId);
            command.Parameters.AddWithValue("now", now);
            rows.Bind(command.Parameters);
            return await command.ExecuteNonQueryAsync(ct);
        }, cancellationToken);
    }
}
