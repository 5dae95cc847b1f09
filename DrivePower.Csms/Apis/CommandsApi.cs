using System.Text.Json;
using DrivePower.Csms.Commands;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>
/// <c>POST /api/stations/{id}/commands/{action}</c>: the HTTP face of <see cref="OperatorCommands"/>.
/// The body is the action's request payload, the answer the station's response payload; every other
/// outcome is a Problem Details document (400 unknown action or invalid body, nothing sent; 404 not
/// connected; 502 CALLERROR or invalid response; 503 connection closed; 504 no answer or send timeout).
/// <c>GET /api/commands</c> lists the commands with their schemas and a minimal example request.
/// </summary>
public static class CommandsApi
{
    public static RouteGroupBuilder MapCommandsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stations/{stationId}/commands").WithTags("Commands");
        // One operation per command, so the API page shows each with its own request and response schema.
        foreach (var command in CommandCatalog.All)
        {
            group.MapPost($"/{command.Action}", SendNamedAsync)
                .WithMetadata(command)
                .WithSummary($"Send {command.Action} to a connected station; the body is its OCPP request payload, the answer the station's response.")
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status502BadGateway)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
                .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        }

        // Any other name: answered 400 naming the commands there are (not an operation of its own).
        group.MapPost("/{action}", SendAsync).ExcludeFromDescription();
        return group;
    }

    /// <summary>
    /// A command's own route. Routing ignores case, the OCPP names do not: the action is the path's own
    /// last segment, so <c>/commands/reset</c> is refused as unknown, not sent as Reset.
    /// </summary>
    private static Task<Results<Ok<JsonElement>, ProblemHttpResult>> SendNamedAsync(
        string stationId, HttpRequest request, OperatorCommands commands, CancellationToken cancellationToken)
    {
        var path = request.Path.Value ?? "";
        var action = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        return SendAsync(stationId, action, request, commands, cancellationToken);
    }

    public static RouteGroupBuilder MapCommandCatalogApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/commands").WithTags("Commands");
        group.MapGet("/", () => TypedResults.Ok(CommandCatalog.All))
            .WithName("ListCommands")
            .WithSummary("The commands an operator can send: each action with its request and response JSON Schema and a minimal valid request.");
        return group;
    }

    private static async Task<Results<Ok<JsonElement>, ProblemHttpResult>> SendAsync(
        string stationId, string action, HttpRequest request, OperatorCommands commands, CancellationToken cancellationToken)
    {
        // An unknown action is named as such even when the body is not JSON either.
        if (CommandCatalog.Find(action) is null)
            return ToProblem(OperatorCommands.UnknownAction(stationId, action));
        var (payload, notJson) = await ReadJsonAsync(request, cancellationToken);
        if (notJson is not null)
        {
            return ToProblem(OperatorCommands.InvalidRequest(stationId, action, [NotJson(notJson)]));
        }

        var outcome = await commands.SendAsync(stationId, action, payload, cancellationToken);
        return outcome.Status == CommandStatus.Answered ? TypedResults.Ok(outcome.Response!.Value) : ToProblem(outcome);
    }

    /// <summary>The Problem Details of an outcome other than <see cref="CommandStatus.Answered"/>.</summary>
    internal static ProblemHttpResult ToProblem(CommandOutcome outcome) => outcome.Status switch
    {
        CommandStatus.UnknownAction => Problems.Create(StatusCodes.Status400BadRequest, "Unknown command", outcome.Detail,
            new Dictionary<string, object?> { ["allowed"] = CommandCatalog.Names }),
        CommandStatus.InvalidRequest => Problems.Create(StatusCodes.Status400BadRequest, $"Invalid {outcome.Action} payload", outcome.Detail,
            new Dictionary<string, object?> { ["violations"] = Describe(outcome.Violations) }),
        CommandStatus.NotConnected => Problems.NotFound("Station not connected", outcome.Detail),
        CommandStatus.InvalidResponse => Problems.Create(StatusCodes.Status502BadGateway, "Invalid response from the station", outcome.Detail,
            new Dictionary<string, object?> { ["violations"] = Describe(outcome.Violations) }),
        CommandStatus.CallError => Problems.Create(StatusCodes.Status502BadGateway, "The station answered with a CALLERROR", outcome.Detail,
            new Dictionary<string, object?>
            {
                ["errorCode"] = outcome.Error!.ErrorCode,
                ["errorDescription"] = outcome.Error.ErrorDescription,
                ["errorDetails"] = outcome.Error.ErrorDetails,
            }),
        CommandStatus.Timeout => Problems.Create(StatusCodes.Status504GatewayTimeout, "The station did not answer", outcome.Detail),
        CommandStatus.SendTimeout => Problems.Create(StatusCodes.Status504GatewayTimeout, "The station stopped reading", outcome.Detail),
        CommandStatus.ConnectionClosed => Problems.Create(StatusCodes.Status503ServiceUnavailable, "Station connection closed", outcome.Detail),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Status, "An answered command is no problem."),
    };

    /// <summary>The body as JSON, or why it is not JSON at all.</summary>
    internal static async Task<(JsonElement Payload, string? NotJson)> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException exception)
        {
            return (default, exception.Message);
        }
    }

    /// <summary>The one violation of a body that is not JSON at all.</summary>
    internal static OcppViolation NotJson(string parserMessage) =>
        new(OcppErrorCode.FormatViolation, "$", $"The body is not JSON: {parserMessage}");

    internal static List<ViolationModel> Describe(IReadOnlyList<OcppViolation> violations) =>
        [.. violations.Select(violation => new ViolationModel(violation.Code.ToString(), violation.Path, violation.Message))];

    /// <summary>One schema violation: the CALLERROR code it would get, the JSON path, and what is wrong.</summary>
    public sealed record ViolationModel(string Code, string Path, string Message);
}
