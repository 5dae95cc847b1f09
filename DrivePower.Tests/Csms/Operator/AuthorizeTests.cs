using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using static DrivePower.Tests.Csms.Operator.TransactionEvents;

namespace DrivePower.Tests.Csms.Operator;

public sealed class AuthorizeTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Future = DateTimeOffset.UtcNow.AddDays(30);

    public async Task InitializeAsync()
    {
        const string Seed = """
            INSERT INTO id_tokens (id_token, type, status, expires_at, group_id_token, group_id_token_type) VALUES
                ('KNOWN-1', 'ISO14443', 'Accepted', @future, 'FLEET-7', 'Central'),
                ('BLOCKED-1', 'ISO14443', 'Blocked', NULL, NULL, NULL),
                ('EXPIRED-1', 'ISO14443', 'Accepted', @past, NULL, NULL)
            ON CONFLICT DO NOTHING
            """;
        await Db.ExecuteAsync(db.ConnectionString, Seed, ("future", Future), ("past", DateTimeOffset.UtcNow.AddDays(-1)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("Accept")]
    [InlineData("Reject")]
    public async Task A_known_token_gets_its_stored_status_expiry_and_group_under_either_policy(string policy)
    {
        await using var csms = await StartAsync(policy);
        await using var station = await csms.ConnectBootedAsync("AUTH-KNOWN-" + policy);

        var info = (await station.CallAsync(new AuthorizeRequest { IdToken = Token("known-1") })).IdTokenInfo;

        Assert.Equal(AuthorizationStatus.Accepted, info.Status);
        Assert.Equal(Future, info.CacheExpiryDateTime!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal("FLEET-7", info.GroupIdToken?.Token);
        Assert.Equal(IdTokenType.Central, info.GroupIdToken?.Type);
        var blocked = (await station.CallAsync(new AuthorizeRequest { IdToken = Token("BLOCKED-1") })).IdTokenInfo;
        Assert.Equal(AuthorizationStatus.Blocked, blocked.Status);
    }

    [Theory]
    [InlineData("Accept")]
    [InlineData("Reject")]
    public async Task An_expired_token_is_Expired_under_either_policy(string policy)
    {
        await using var csms = await StartAsync(policy);
        await using var station = await csms.ConnectBootedAsync("AUTH-EXP-" + policy);

        var info = (await station.CallAsync(new AuthorizeRequest { IdToken = Token("EXPIRED-1") })).IdTokenInfo;

        Assert.Equal(AuthorizationStatus.Expired, info.Status);
    }

    [Theory]
    [InlineData("Accept", AuthorizationStatus.Accepted)]
    [InlineData("Reject", AuthorizationStatus.Unknown)]
    public async Task An_unknown_token_follows_the_policy(string policy, AuthorizationStatus expected)
    {
        await using var csms = await StartAsync(policy);
        await using var station = await csms.ConnectBootedAsync("AUTH-UNK-" + policy);

        var info = (await station.CallAsync(new AuthorizeRequest { IdToken = Token("NEVER-SEEN") })).IdTokenInfo;
        var sameCardOtherType = (await station.CallAsync(new AuthorizeRequest { IdToken = Token("KNOWN-1", IdTokenType.KeyCode) })).IdTokenInfo;

        Assert.Equal(expected, info.Status);
        Assert.Equal(expected, sameCardOtherType.Status);
        Assert.Null(info.CacheExpiryDateTime);
    }

    [Fact]
    public async Task The_default_policy_accepts_unknown_tokens()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("AUTH-DEFAULT");

        var info = (await station.CallAsync(new AuthorizeRequest { IdToken = Token("NEVER-SEEN") })).IdTokenInfo;

        Assert.Equal(AuthorizationStatus.Accepted, info.Status);
    }

    private Task<CsmsTestHost> StartAsync(string policy) =>
        CsmsTestHost.StartAsync(db.ConnectionString, new Dictionary<string, string?> { ["Csms:UnknownIdTokenPolicy"] = policy });
}
