using System.Text.Json;
using DrivePower.Ocpp.Messages;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>One row of <c>charging_profiles</c>.</summary>
public sealed record ChargingProfileRecord(
    int EvseId, int ProfileId, int StackLevel, string Purpose, string Kind, string? TransactionId,
    DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, string Source, string Origin, DateTimeOffset UpdatedAt, JsonElement Profile);

/// <summary>
/// The charging profiles a station has, as far as the CSMS knows: stored when the station accepts a
/// SetChargingProfile or reports them (ReportChargingProfiles), removed when it accepts a ClearChargingProfile.
/// A profile id is the station's key: a newer profile with the same id replaces the row.
/// </summary>
public sealed class ChargingProfileStore(SqlRunner sql)
{
    private const string UpsertSql = """
        INSERT INTO charging_profiles (station_id, profile_id, evse_id, stack_level, purpose, kind, transaction_id,
            valid_from, valid_to, profile, source, origin, updated_at)
        VALUES (@station, @id, @evse, @stackLevel, @purpose, @kind, @transactionId, @validFrom, @validTo, @profile, @source, @origin, @at)
        ON CONFLICT ON CONSTRAINT pk_charging_profiles DO UPDATE SET
            evse_id = EXCLUDED.evse_id, stack_level = EXCLUDED.stack_level, purpose = EXCLUDED.purpose, kind = EXCLUDED.kind,
            transaction_id = EXCLUDED.transaction_id, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
            profile = EXCLUDED.profile, source = EXCLUDED.source, origin = EXCLUDED.origin, updated_at = EXCLUDED.updated_at
        """;

    // An id names one profile and the criteria are then ignored, as the station does (K10).
    private const string DeleteSql = """
        DELETE FROM charging_profiles
        WHERE station_id = @station
          AND (@id IS NULL OR profile_id = @id)
          AND (@id IS NOT NULL OR ((@evse IS NULL OR evse_id = @evse)
                                   AND (@purpose IS NULL OR purpose = @purpose)
                                   AND (@stackLevel IS NULL OR stack_level = @stackLevel)))
        """;

    private const string ListSql = """
        SELECT evse_id, profile_id, stack_level, purpose, kind, transaction_id, valid_from, valid_to, source, origin, updated_at, profile
        FROM charging_profiles WHERE station_id = @station ORDER BY evse_id, purpose, stack_level, profile_id
        """;

    public Task RecordSetAsync(string stationId, int evseId, ChargingProfile profile, DateTimeOffset at, CancellationToken cancellationToken) =>
        sql.RunAsync("store a charging profile", $"{stationId} profile {profile.Id}", SqlRetry.Idempotent, async (connection, ct) =>
        {
            await UpsertAsync(connection, null, stationId, evseId, profile, nameof(ChargingLimitSource.CSO), "Set", at, ct);
            return 1;
        }, cancellationToken);

    public Task RecordReportAsync(string stationId, ReportChargingProfilesRequest report, DateTimeOffset at, CancellationToken cancellationToken) =>
        sql.RunAsync("store reported charging profiles", $"{stationId} request {report.RequestId}", SqlRetry.Idempotent, async (connection, ct) =>
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            foreach (var profile in report.ChargingProfile)
                await UpsertAsync(connection, transaction, stationId, report.EvseId, profile, report.ChargingLimitSource.ToString(), "Reported", at, ct);
            await transaction.CommitAsync(ct);
            return report.ChargingProfile.Count;
        }, cancellationToken);

    /// <summary>Removes what a ClearChargingProfile the station answered removed; the number of rows gone.</summary>
    public Task<int> ClearAsync(string stationId, ClearChargingProfileRequest clear, CancellationToken cancellationToken) =>
        sql.ExecuteAsync("clear charging profiles", stationId, SqlRetry.Idempotent, DeleteSql, parameters =>
        {
            var criteria = clear.ChargingProfileCriteria;
            parameters.AddWithValue("station", stationId);
            parameters.AddNullable("id", NpgsqlDbType.Integer, clear.ChargingProfileId);
            parameters.AddNullable("evse", NpgsqlDbType.Integer, criteria?.EvseId);
            parameters.AddNullable("purpose", NpgsqlDbType.Text, criteria?.ChargingProfilePurpose?.ToString());
            parameters.AddNullable("stackLevel", NpgsqlDbType.Integer, criteria?.StackLevel);
        }, cancellationToken);

    public Task<List<ChargingProfileRecord>> ListAsync(string stationId, CancellationToken cancellationToken) =>
        sql.QueryAsync<ChargingProfileRecord>("list charging profiles", stationId, SqlRetry.Idempotent, ListSql, new { station = stationId }, cancellationToken);

    private static async Task UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string stationId, int evseId,
        ChargingProfile profile, string source, string origin, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(UpsertSql, connection, transaction);
        command.Parameters.AddWithValue("station", stationId);
        command.Parameters.AddWithValue("id", profile.Id);
        command.Parameters.AddWithValue("evse", evseId);
        command.Parameters.AddWithValue("stackLevel", profile.StackLevel);
        command.Parameters.AddWithValue("purpose", profile.ChargingProfilePurpose.ToString());
        command.Parameters.AddWithValue("kind", profile.ChargingProfileKind.ToString());
        command.Parameters.AddNullable("transactionId", NpgsqlDbType.Text, profile.TransactionId);
        command.Parameters.AddNullable("validFrom", NpgsqlDbType.TimestampTz, profile.ValidFrom?.ToUniversalTime());
        command.Parameters.AddNullable("validTo", NpgsqlDbType.TimestampTz, profile.ValidTo?.ToUniversalTime());
        command.Parameters.AddWithValue("profile", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(profile, OcppJsonContext.Default.ChargingProfile));
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("origin", origin);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
