namespace DrivePower.Csms.Schema;

/// <summary>
/// Says at start whether the database has the schema the code needs, and which migration is missing
/// if not. It does not stop the CSMS: the schema can be migrated while it runs (<c>/health</c> follows).
/// </summary>
public sealed partial class SchemaStartupCheck(SchemaVersionReader reader, ILogger<SchemaStartupCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var state = await reader.ReadAsync(stoppingToken);
            if (state.IsBehind)
                Log.SchemaBehind(logger, state.Description);
            else
                Log.SchemaChecked(logger, state.Description);
        }
        catch (Npgsql.NpgsqlException e)
        {
            Log.SchemaUnreadable(logger, e.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(900, LogLevel.Information, "{Description}", EventName = "SchemaChecked")]
        public static partial void SchemaChecked(ILogger logger, string description);

        [LoggerMessage(901, LogLevel.Error, "{Description}", EventName = "SchemaBehind")]
        public static partial void SchemaBehind(ILogger logger, string description);

        [LoggerMessage(902, LogLevel.Warning, "The database schema could not be checked at start (the database is unavailable): {Error}", EventName = "SchemaUnreadable")]
        public static partial void SchemaUnreadable(ILogger logger, string error);
    }
}
