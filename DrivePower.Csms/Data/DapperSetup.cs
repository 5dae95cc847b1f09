using System.Data;
using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>
/// How Dapper maps the rows the CSMS reads: a snake_case column fills the member of the same name in
/// PascalCase (<c>last_seen_at</c> to <c>LastSeenAt</c>, a property or a record's constructor parameter);
/// a <c>timestamptz</c>, which Npgsql reads as a UTC <see cref="DateTime"/>, becomes a <see cref="DateTimeOffset"/>
/// (offset 0, as Npgsql's own <c>GetFieldValue&lt;DateTimeOffset&gt;</c> gives it); JSON text (<c>jsonb</c>) becomes a
/// <see cref="JsonElement"/>. Dapper's settings are global: <see cref="SqlRunner"/> applies these once, before its
/// first query, so they hold in the host and in tests that make a runner of their own.
/// </summary>
internal static class DapperSetup
{
    public static void Configure()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new JsonElementHandler());
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTime { Kind: DateTimeKind.Utc } utc => new DateTimeOffset(utc),
            DateTimeOffset offset => offset,
            _ => throw new DataException($"A timestamptz was expected, not {value.GetType().Name} {value}."),
        };

        // Dapper binds a DateTimeOffset parameter as DbType.DateTimeOffset (timestamptz) without asking a handler; this is the same.
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = value;
        }
    }

    private sealed class JsonElementHandler : SqlMapper.TypeHandler<JsonElement>
    {
        public override JsonElement Parse(object value)
        {
            using var document = JsonDocument.Parse((string)value);
            return document.RootElement.Clone();
        }

        public override void SetValue(IDbDataParameter parameter, JsonElement value)
        {
            ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.Jsonb;
            parameter.Value = value.GetRawText();
        }
    }
}
