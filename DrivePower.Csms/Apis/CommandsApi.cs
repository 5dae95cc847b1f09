using System.Text.Json;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Ocpp.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>
/// <c>POST /api/stations/{id}/commands/{action}</c>: sends the body as an OCPP CALL to the connected
/// station and returns its response payload. The body is checked against the action's schema first:
/// an invalid one is refused with its violations and nothing is sent.
/// </summary>
public static class CommandsApi
{
    /// <summary>The CSMS-to-station actions an operator may send (exact, case-sensitive names).</summary>
    public static IReadOnlyList<string> Allowed { get; } =
    [
        "RequestStartTransaction", "RequestStopTransaction", "GetTransactionStatus", "Reset", "ChangeAvailability",
        "UnlockConnector", "GetVariables", "SetVariables", "GetBaseReport", "TriggerMessage", "ClearCache", "DataTransfer",
    ];

    public static RouteGroupBuilder MapCommandsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stations/{stationId}/commands").WithTags("Commands");
        group.MapPost("/{action}", SendAsync)
            .Accepts<JsonElement>("application/json")
            .WithSummary("Send an OCPP CALL to a connected station; the body is the action's request payload.")
            .WithDescription($"Allowed actions: {string.Join(", ", Allowed)}.");
        return group;
    }

    private static async Task<Results<Ok<JsonElement>, ProblemHttpResult>> SendAsync(
        string stationId, string action, HttpRequest request, StationConnections connections, CancellationToken cancellationToken)
    {
        if (!Allowed.Contains(action, StringComparer.Ordinal) || OcppActions.Find(action) is not { } ocppAction)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "Unknown command",
                $"{OcppText.Quote(action)} is not a command an operator can send. Allowed (exact case): {string.Join(", ", Allowed)}.",
                new Dictionary<string, object?> { ["allowed"] = Allowed });
        }

        var (payload, violations) = await ReadPayloadAsync(request, ocppAction, cancellationToken);
        if (violations.Count > 0)
            return Invalid(action, violations, "The body is not a valid request payload for this action; nothing was sent.");

        if (connections.Find(stationId) is not { } session)
            return Problems.NotFound("Station not connected", $"Station {OcppText.Quote(stationId)} is not connected: the command can't be sent.");

        try
        {
            return TypedResults.Ok(await session.Connection.CallAsync(action, payload, cancellationToken));
        }
        catch (Exception exception) when (CallFailure(exception, stationId, action) is { } problem)
        {
            return problem;
        }
    }

    /// <summary>The problem a failed CALL is answered with; null for a failure that is ours (a 500).</summary>
    internal static ProblemHttpResult? CallFailure(Exception exception, string stationId, string action) => exception switch
    {
        OcppValidationException { Outbound: true } invalid =>
            Invalid(action, Describe(invalid.Violations), "The body is not a valid request payload for this action; nothing was sent."),
        OcppValidationException invalid => Problems.Create(StatusCodes.Status502BadGateway, "Invalid response from the station",
            $"The station's {action} response breaks the OCPP schema.", new Dictionary<string, object?> { ["violations"] = Describe(invalid.Violations) }),
        OcppCallErrorException error => Problems.Create(StatusCodes.Status502BadGateway, "The station answered with a CALLERROR",
            $"{OcppText.Quote(error.ErrorCode)}: {OcppText.Quote(error.Description)}",
            new Dictionary<string, object?> { ["errorCode"] = error.ErrorCode, ["errorDescription"] = error.Description, ["errorDetails"] = error.Details }),
        OcppCallTimeoutException timeout => Problems.Create(StatusCodes.Status504GatewayTimeout, "The station did not answer", timeout.Message),
        OcppSendTimeoutException => Problems.Create(StatusCodes.Status504GatewayTimeout, "The station stopped reading",
            $"The {action} CALL could not be sent to station {OcppText.Quote(stationId)} in time; its connection is closed and it may reconnect."),
        OcppConnectionClosedException => Problems.Create(StatusCodes.Status503ServiceUnavailable, "Station connection closed",
            $"The connection of station {OcppText.Quote(stationId)} closed before it answered {action}."),
        _ => null,
    };

    /// <summary>The body as JSON and its schema violations; a body that is not JSON is one FormatViolation at <c>$</c>.</summary>
    private static async Task<(JsonElement Payload, IReadOnlyList<ViolationModel> Violations)> ReadPayloadAsync(
        HttpRequest request, OcppAction action, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            var payload = document.RootElement.Clone();
            return (payload, Describe(OcppPayloadValidator.Shared.Validate(action.Request, payload)));
        }
        catch (JsonException exception)
        {
            return (default, [new ViolationModel(nameof(OcppErrorCode.FormatViolation), "$", $"The body is not JSON: {exception.Message}")]);
        }
    }

    private static ProblemHttpResult Invalid(string action, IReadOnlyList<ViolationModel> violations, string detail) =>
        Problems.Create(StatusCodes.Status400BadRequest, $"Invalid {action} payload", detail,
            new Dictionary<string, object?> { ["violations"] = violations });

    private static List<ViolationModel> Describe(IReadOnlyList<OcppViolation> violations) =>
        [.. violations.Select(violation => new ViolationModel(violation.Code.ToString(), violation.Path, violation.Message))];

    /// <summary>One schema violation: the CALLERROR code it would get, the JSON path, and what is wrong.</summary>
    public sealed record ViolationModel(string Code, string Path, string Message);
}
