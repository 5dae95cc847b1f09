using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>A typed OCPP command from an operator endpoint: its body checked against the schema, then sent to the station.</summary>
internal static class CommandBody
{
    /// <summary>The body as the request, or a 400 with its schema violations (nothing is sent).</summary>
    public static async Task<(T? Request, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest http, JsonTypeInfo<T> contract, CancellationToken cancellationToken)
        where T : class
    {
        var action = OcppActions.ForRequest(typeof(T)).Name;
        var (payload, notJson) = await CommandsApi.ReadJsonAsync(http, cancellationToken);
        var violations = notJson is not null ? [CommandsApi.NotJson(notJson)] : OcppPayloadValidator.Shared.Validate(contract, payload);
        return violations.Count == 0 ? (payload.Deserialize(contract), null) : (null, Invalid(action, CommandsApi.Describe(violations)));
    }

    /// <summary>Sends the CALL to the connected station; its answer goes through <paramref name="onAnswer"/> (which stores its effect).</summary>
    public static async Task<Results<Ok<TResult>, ProblemHttpResult>> SendAsync<TResponse, TResult>(
        StationConnections connections, string stationId, IOcppRequest<TResponse> request, Func<TResponse, Task<TResult>> onAnswer, CancellationToken cancellationToken)
        where TResponse : IOcppResponse
    {
        var action = OcppActions.ForRequest(request.GetType()).Name;
        if (connections.Find(stationId) is not { } session)
            return Problems.NotFound("Station not connected", $"Station {OcppText.Quote(stationId)} is not connected: {action} can't be sent.");
        TResponse response;
        try
        {
            response = await session.Connection.CallAsync(request, cancellationToken);
        }
        catch (Exception exception) when (CommandsApi.CallFailure(exception, stationId, action) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await onAnswer(response));
    }

    private static ProblemHttpResult Invalid(string action, List<CommandsApi.ViolationModel> violations) =>
        Problems.Create(StatusCodes.Status400BadRequest, $"Invalid {action} payload",
            "The body is not a valid request payload for this action; nothing was sent.", new Dictionary<string, object?> { ["violations"] = violations });
}
