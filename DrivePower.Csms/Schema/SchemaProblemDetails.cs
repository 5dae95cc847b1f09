using DrivePower.Csms.Data;
using Npgsql;

namespace DrivePower.Csms.Schema;

/// <summary>
/// The operator API's 503 when a query failed because a table or column is missing: it says the schema
/// is behind (and which migration, when known), not that the database is unavailable.
/// </summary>
internal static class SchemaProblemDetails
{
    public const string Title = "Database schema behind the code";

    public static void Customize(ProblemDetailsContext context)
    {
        if (context.Exception is not StorageUnavailableException { InnerException: PostgresException postgres } || !IsMissingSchema(postgres))
            return;

        var lastRead = context.HttpContext.RequestServices.GetRequiredService<SchemaVersionReader>().LastRead;
        context.ProblemDetails.Title = Title;
        context.ProblemDetails.Detail = lastRead is { IsBehind: true }
            ? lastRead.Description
            : $"The database schema does not match the code (migration {SchemaState.Required} is needed). Run DrivePower.Migrations (up).";
    }

    private static bool IsMissingSchema(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn
            or PostgresErrorCodes.UndefinedFunction or PostgresErrorCodes.UndefinedObject;
}
