using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DrivePower.Csms.Schema;

/// <summary><c>/health</c>: unhealthy, naming the missing migration, while the schema is behind the code.</summary>
public sealed class SchemaHealthCheck(SchemaVersionReader reader) : IHealthCheck
{
    public const string Name = "schema";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var state = await reader.ReadAsync(cancellationToken);
            return state.IsBehind ? HealthCheckResult.Unhealthy(state.Description) : HealthCheckResult.Healthy(state.Description);
        }
        catch (Npgsql.NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("The schema could not be read: the database is unavailable.", e);
        }
    }
}
