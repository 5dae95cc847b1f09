using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrivePower.Csms.Commands;
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

    /// <summary>
    /// Sends the CALL through <see cref="OperatorCommands"/>, like the generic commands endpoint (so it is
    /// published and its effect stored), and shapes the station's answer with <paramref name="toResult"/>.
    /// </summary>
    public static async Task<Results<Ok<TResult>, ProblemHttpResult>> SendAsync<TResponse, TResult>(
        OperatorCommands commands, string stationId, IOcppRequest<TResponse> request, Func<TResponse, CommandOutcome, TResult> toResult, CancellationToken cancellationToken)
        where TResponse : IOcppResponse
    {
        var action = OcppActions.ForRequest(request.GetType());
        var outcome = await commands.SendAsync(stationId, action.Name, JsonSerializer.SerializeToElement(request, action.Request), cancellationToken);
        if (outcome.Status != CommandStatus.Answered)
            return CommandsApi.ToProblem(outcome);
        if (outcome.StoreFailure is { } failure)
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "Answered, but not stored", failure);
        return TypedResults.Ok(toResult((TResponse)outcome.Response!.Value.Deserialize(action.Response)!, outcome));
    }

    private static ProblemHttpResult Invalid(string action, List<CommandsApi.ViolationModel> violations) =>
        Problems.Create(StatusCodes.Status400BadRequest, $"Invalid {action} payload",
            "The body is not a valid request payload for this action; nothing was sent.", new Dictionary<string, object?> { ["violations"] = violations });
}
