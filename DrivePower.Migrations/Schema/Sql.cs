using FluentMigrator;

namespace DrivePower.Migrations.Schema;

/// <summary>SQL fragments the fluent API has no word for.</summary>
internal static class Sql
{
    /// <summary><c>now()</c> as a timestamptz default (FluentMigrator's CurrentUTCDateTime is a timestamp without time zone).</summary>
    public static RawSql Now => RawSql.Insert("now()");
}
