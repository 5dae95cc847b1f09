using DrivePower.Database;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DrivePower.Tests.Migrations;

public sealed class DatabaseUrlTests
{
    [Fact]
    public void A_full_url_becomes_an_npgsql_connection_string()
    {
        var builder = Parse("postgres://csms:secret@db.example:6543/drivepower?sslmode=disable");

        Assert.Equal("db.example", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("csms", builder.Username);
        Assert.Equal("secret", builder.Password);
        Assert.Equal("drivepower", builder.Database);
        Assert.Equal(SslMode.Disable, builder.SslMode);
    }

    [Fact]
    public void A_percent_encoded_password_is_decoded()
    {
        var builder = Parse("postgresql://us%40er:p%40ss%3Aw%2Frd%20x;y@localhost:5432/db");

        Assert.Equal("us@er", builder.Username);
        Assert.Equal("p@ss:w/rd x;y", builder.Password);
    }

    [Fact]
    public void A_url_without_port_uses_5432()
    {
        Assert.Equal(5432, Parse("postgres://u:p@localhost/db").Port);
    }

    [Theory]
    [InlineData("require", SslMode.Require)]
    [InlineData("verify-full", SslMode.VerifyFull)]
    [InlineData("prefer", SslMode.Prefer)]
    public void Sslmode_maps_to_the_npgsql_mode(string sslmode, SslMode expected)
    {
        Assert.Equal(expected, Parse($"postgres://u:p@localhost/db?sslmode={sslmode}").SslMode);
    }

    [Theory]
    [InlineData("mysql://u:p@localhost/db", "scheme 'mysql'")]
    [InlineData("http://u:p@localhost/db", "scheme 'http'")]
    [InlineData("not a url", "not a valid URL")]
    [InlineData("postgres://u:p@localhost/db?sslmode=sometimes", "sslmode 'sometimes'")]
    [InlineData("postgres://u:p@localhost/db?pool=1", "unsupported parameter 'pool'")]
    public void A_bad_url_is_rejected_with_a_clear_message(string url, string message)
    {
        var error = Assert.Throws<FormatException>(() => DatabaseUrl.ToConnectionString(url));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csmsdb_connection_string_wins_over_database_url()
    {
        var configuration = Configuration(("ConnectionStrings:csmsdb", "Host=a;Database=one"), ("DATABASE_URL", "postgres://u:p@b/two"));

        Assert.Equal("Host=a;Database=one", CsmsDatabase.ResolveConnectionString(configuration));
    }

    [Fact]
    public void Database_url_is_used_when_there_is_no_connection_string()
    {
        var configuration = Configuration(("DATABASE_URL", "postgres://u:p@b/two"));

        Assert.Equal("two", new NpgsqlConnectionStringBuilder(CsmsDatabase.ResolveConnectionString(configuration)).Database);
    }

    [Fact]
    public void Neither_setting_is_an_error_naming_both()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CsmsDatabase.ResolveConnectionString(Configuration()));

        Assert.Contains("ConnectionStrings:csmsdb", error.Message, StringComparison.Ordinal);
        Assert.Contains("DATABASE_URL", error.Message, StringComparison.Ordinal);
    }

    private static NpgsqlConnectionStringBuilder Parse(string url) => new(DatabaseUrl.ToConnectionString(url));

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build();
}
