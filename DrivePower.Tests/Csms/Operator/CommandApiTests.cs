using System.Net.WebSockets;
using DrivePower.Csms.Commands;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms.Operator;

public sealed class CommandApiTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_command_is_sent_to_the_station_as_a_CALL_and_its_response_payload_is_returned()
    {
        ResetRequest? seen = null;
        var handlers = new OcppHandlerRegistry().On<ResetRequest, ResetResponse>((_, request, _) =>
        {
            seen = request;
            return ValueTask.FromResult(new ResetResponse { Status = ResetStatus.Scheduled });
        });
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("CMD-OK", handlers);

        using var response = await csms.Http.PostRawAsync("/api/stations/CMD-OK/commands/Reset", """{"type":"OnIdle","evseId":1}""");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Scheduled", (await response.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(ResetType.OnIdle, seen?.Type);
        Assert.Equal(1, seen?.EvseId);
    }

    [Fact]
    public async Task A_CALLERROR_from_the_station_is_502_with_its_errorCode_and_errorDescription()
    {
        var handlers = new OcppHandlerRegistry().On<ClearCacheRequest, ClearCacheResponse>((_, _, _) =>
            throw new OcppCallErrorException(OcppErrorCode.GenericError, "Cache is locked"));
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("CMD-ERR", handlers);

        using var response = await csms.Http.PostRawAsync("/api/stations/CMD-ERR/commands/ClearCache", "{}");

        var problem = await response.ProblemAsync(502);
        Assert.Equal("GenericError", problem.GetProperty("errorCode").GetString());
        Assert.Equal("Cache is locked", problem.GetProperty("errorDescription").GetString());
    }

    [Fact]
    public async Task A_station_that_never_answers_is_504_after_the_call_timeout()
    {
        var handlers = new OcppHandlerRegistry().On<ClearCacheRequest, ClearCacheResponse>(async (_, _, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new ClearCacheResponse { Status = ClearCacheStatus.Accepted };
        });
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString, new Dictionary<string, string?> { ["Csms:CallTimeoutSeconds"] = "1" });
        await using var station = await csms.ConnectBootedAsync("CMD-SILENT", handlers);

        using var response = await csms.Http.PostRawAsync("/api/stations/CMD-SILENT/commands/ClearCache", "{}");

        await response.ProblemAsync(504);
    }

    [Fact]
    public async Task A_connection_closed_during_the_call_is_503()
    {
        TestStation? station = null;
        var handlers = new OcppHandlerRegistry().On<ClearCacheRequest, ClearCacheResponse>(async (_, _, cancellationToken) =>
        {
            var closing = station!.Connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "going away");
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            await closing;
            return new ClearCacheResponse { Status = ClearCacheStatus.Accepted };
        });
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        station = await csms.ConnectBootedAsync("CMD-CLOSE", handlers);
        await using var closingStation = station;

        using var response = await csms.Http.PostRawAsync("/api/stations/CMD-CLOSE/commands/ClearCache", "{}");

        await response.ProblemAsync(503);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("\"Immediate\"")]
    public async Task An_invalid_body_is_400_with_violations_and_nothing_is_sent(string body)
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("CMD-INVALID");
        var received = station.CountMessages();

        using var response = await csms.Http.PostRawAsync("/api/stations/CMD-INVALID/commands/Reset", body);

        var problem = await response.ProblemAsync(400);
        var violation = Assert.Single(problem.GetProperty("violations").EnumerateArray());
        Assert.Equal("FormatViolation", violation.GetProperty("code").GetString());
        Assert.Equal("$", violation.GetProperty("path").GetString());
        Assert.False(string.IsNullOrEmpty(violation.GetProperty("message").GetString()));
        await Task.Delay(200);
        Assert.Equal(0, received.Count);
    }

    [Theory]
    [InlineData("Reset", """{"type":"Sometimes"}""", "type")]
    [InlineData("Reset", """{}""", "type")]
    [InlineData("Reset", """{"type":"Immediate","colour":"red"}""", "colour")]
    [InlineData("SetVariables", """{"setVariableData":[{"attributeValue":"1","component":{"name":"X"}}]}""", "variable")]
    public async Task A_body_breaking_the_schema_is_400_with_violations_naming_the_path_and_nothing_is_sent(string action, string body, string path)
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("CMD-SCHEMA");
        var received = station.CountMessages();

        using var response = await csms.Http.PostRawAsync($"/api/stations/CMD-SCHEMA/commands/{action}", body);

        var problem = await response.ProblemAsync(400);
        var violations = problem.GetProperty("violations").EnumerateArray().ToList();
        Assert.NotEmpty(violations);
        Assert.Contains(violations, v => v.GetProperty("path").GetString()!.Contains(path, StringComparison.Ordinal));
        Assert.All(violations, v => Assert.False(string.IsNullOrEmpty(v.GetProperty("code").GetString())));
        await Task.Delay(200);
        Assert.Equal(0, received.Count);
    }

    [Theory]
    [InlineData("BootNotification")]
    [InlineData("reset")]
    [InlineData("Nonsense")]
    public async Task An_action_not_allowed_is_400_naming_the_allowed_ones(string action)
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.PostRawAsync($"/api/stations/ANY/commands/{action}", "{}");

        var problem = await response.ProblemAsync(400);
        Assert.Contains("RequestStartTransaction", problem.GetProperty("detail").GetString());
        Assert.Equal(CommandCatalog.Names, problem.GetProperty("allowed").EnumerateArray().Select(name => name.GetString()!));
    }

    [Fact]
    public async Task A_station_that_is_not_connected_is_404()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.PostRawAsync("/api/stations/NOT-HERE/commands/Reset", """{"type":"Immediate"}""");

        var problem = await response.ProblemAsync(404);
        Assert.Contains("NOT-HERE", problem.GetProperty("detail").GetString());
    }
}

