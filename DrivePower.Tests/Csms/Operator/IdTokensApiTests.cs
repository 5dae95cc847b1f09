using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using static DrivePower.Tests.Csms.Operator.TransactionEvents;

namespace DrivePower.Tests.Csms.Operator;

public sealed class IdTokensApiTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task An_operator_adds_changes_and_removes_tokens_and_Authorize_follows()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString, new Dictionary<string, string?> { ["Csms:UnknownIdTokenPolicy"] = "Reject" });
        await using var station = await csms.ConnectBootedAsync("IDT-1");

        using var created = await csms.Http.PostJsonAsync("/api/id-tokens", new { idToken = "OP-CARD", type = "ISO14443", groupIdToken = "FLEET", groupIdTokenType = "Central" });
        Assert.Equal(201, (int)created.StatusCode);
        Assert.Equal("/api/id-tokens/ISO14443/OP-CARD", created.Headers.Location?.OriginalString);
        Assert.Equal("Accepted", (await created.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(AuthorizationStatus.Accepted, (await AuthorizeAsync(station)).Status);

        using var again = await csms.Http.PostJsonAsync("/api/id-tokens", new { idToken = "OP-CARD", type = "ISO14443" });
        await again.ProblemAsync(409);

        using var blocked = await csms.Http.PutAsync("/api/id-tokens/ISO14443/OP-CARD",
            System.Net.Http.Json.JsonContent.Create(new { status = "Blocked" }));
        Assert.Equal(200, (int)blocked.StatusCode);
        Assert.Equal(AuthorizationStatus.Blocked, (await AuthorizeAsync(station)).Status);
        Assert.Equal("Blocked", (await csms.Http.GetJsonAsync("/api/id-tokens/ISO14443/OP-CARD")).GetProperty("status").GetString());
        Assert.Contains((await csms.Http.GetJsonAsync("/api/id-tokens")).EnumerateArray(), t => t.GetProperty("idToken").GetString() == "OP-CARD");

        using var deleted = await csms.Http.DeleteAsync("/api/id-tokens/ISO14443/OP-CARD");
        Assert.Equal(204, (int)deleted.StatusCode);
        Assert.Equal(AuthorizationStatus.Unknown, (await AuthorizeAsync(station)).Status);
        using var deletedAgain = await csms.Http.DeleteAsync("/api/id-tokens/ISO14443/OP-CARD");
        await deletedAgain.ProblemAsync(404);
        using var missing = await csms.Http.GetAsync("/api/id-tokens/ISO14443/OP-CARD");
        await missing.ProblemAsync(404);
    }

    [Fact]
    public async Task An_invalid_token_is_a_400_validation_problem_naming_the_fields()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.PostJsonAsync("/api/id-tokens", new { idToken = "", type = "Badge", status = "Maybe" });

        var problem = await response.ProblemAsync(400);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("idToken", out _));
        Assert.True(errors.TryGetProperty("type", out _));
        Assert.True(errors.TryGetProperty("status", out _));
    }

    private static async Task<IdTokenInfo> AuthorizeAsync(TestStation station) =>
        (await station.CallAsync(new AuthorizeRequest { IdToken = Token("op-card") })).IdTokenInfo;
}
