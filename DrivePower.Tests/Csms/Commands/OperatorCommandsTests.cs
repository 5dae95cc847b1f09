using System.Text.Json;
using DrivePower.Csms.Commands;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms.Commands;

public sealed class OperatorCommandsTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public async Task An_answered_command_has_the_station_response_and_its_round_trip_time()
    {
        var handlers = new OcppHandlerRegistry().On<ResetRequest, ResetResponse>(async (_, _, cancellationToken) =>
        {
            await Task.Delay(50, cancellationToken);
            return new ResetResponse { Status = ResetStatus.Scheduled };
        });
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("OC-OK", handlers);

        var outcome = await csms.Get<OperatorCommands>().SendAsync("OC-OK", "Reset", Json("""{"type":"OnIdle"}"""), CancellationToken.None);

        Assert.Equal(CommandStatus.Answered, outcome.Status);
        Assert.True(outcome.Succeeded);
        Assert.Equal("Scheduled", outcome.Response!.Value.GetProperty("status").GetString());
        Assert.InRange(outcome.RoundTrip!.Value, TimeSpan.FromMilliseconds(45), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_CALLERROR_outcome_carries_the_code_description_and_details_as_the_station_sent_them()
    {
        var handlers = new OcppHandlerRegistry().On<ClearCacheRequest, ClearCacheResponse>((_, _, _) =>
            throw new OcppCallErrorException("GenericError", "Cache is locked", Json("""{"lock":"held"}""")));
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("OC-ERR", handlers);

        var outcome = await csms.Get<OperatorCommands>().SendAsync("OC-ERR", "ClearCache", Json("{}"), CancellationToken.None);

        Assert.Equal(CommandStatus.CallError, outcome.Status);
        Assert.Equal(("GenericError", "Cache is locked"), (outcome.Error!.ErrorCode, outcome.Error.ErrorDescription));
        Assert.Equal("held", outcome.Error.ErrorDetails.GetProperty("lock").GetString());
        Assert.NotNull(outcome.RoundTrip);
    }

    [Fact]
    public async Task Nothing_is_sent_for_an_unknown_action_an_invalid_request_or_a_station_not_connected()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("OC-NONE");
        var received = station.CountMessages();
        var commands = csms.Get<OperatorCommands>();

        var unknown = await commands.SendAsync("OC-NONE", "BootNotification", Json("{}"), CancellationToken.None);
        var invalid = await commands.SendAsync("OC-NONE", "Reset", Json("""{"type":"Sometimes"}"""), CancellationToken.None);
        var absent = await commands.SendAsync("OC-ABSENT", "Reset", Json("""{"type":"Immediate"}"""), CancellationToken.None);

        Assert.Equal(CommandStatus.UnknownAction, unknown.Status);
        Assert.Contains("Reset", unknown.Detail);
        Assert.Equal(CommandStatus.InvalidRequest, invalid.Status);
        var violation = Assert.Single(invalid.Violations);
        Assert.Equal((OcppErrorCode.PropertyConstraintViolation, "$.type"), (violation.Code, violation.Path));
        Assert.Equal(CommandStatus.NotConnected, absent.Status);
        Assert.All([unknown, invalid, absent], outcome => Assert.Null(outcome.RoundTrip));
        await Task.Delay(200);
        Assert.Equal(0, received.Count);
    }

    [Fact]
    public async Task A_station_that_does_not_answer_in_time_is_a_timeout_outcome_not_an_exception()
    {
        var handlers = new OcppHandlerRegistry().On<ClearCacheRequest, ClearCacheResponse>(async (_, _, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new ClearCacheResponse { Status = ClearCacheStatus.Accepted };
        });
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString, new Dictionary<string, string?> { ["Csms:CallTimeoutSeconds"] = "1" });
        await using var station = await csms.ConnectBootedAsync("OC-SILENT", handlers);

        var outcome = await csms.Get<OperatorCommands>().SendAsync("OC-SILENT", "ClearCache", Json("{}"), CancellationToken.None);

        Assert.Equal(CommandStatus.Timeout, outcome.Status);
        Assert.InRange(outcome.RoundTrip!.Value, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_command_list_has_every_command_with_its_schemas_and_example()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        var list = await csms.Http.GetJsonAsync("/api/commands");

        var commands = list.EnumerateArray().ToList();
        Assert.Equal(CommandCatalog.Names, commands.Select(c => c.GetProperty("action").GetString()!));
        var reset = commands.Single(c => c.GetProperty("action").GetString() == "Reset");
        Assert.Equal("type", reset.GetProperty("requestSchema").GetProperty("required")[0].GetString());
        Assert.Equal("object", reset.GetProperty("responseSchema").GetProperty("type").GetString());
        Assert.Equal("Immediate", reset.GetProperty("exampleRequest").GetProperty("type").GetString());
        Assert.False(reset.TryGetProperty("ocpp", out _));
    }
}
