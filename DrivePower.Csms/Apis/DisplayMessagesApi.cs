using System.Text.Json;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Commands;
using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>Display messages per station: the list as stored, SetDisplayMessage and ClearDisplayMessage with their effect stored.</summary>
public static class DisplayMessagesApi
{
    public static RouteGroupBuilder MapDisplayMessagesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stations/{stationId}/display-messages").WithTags("DisplayMessages");
        group.MapGet("/", ListAsync).WithSummary("The messages on the station's display, as set and accepted or reported.");
        group.MapPost("/", SetAsync).Accepts<JsonElement>("application/json")
            .WithSummary("SetDisplayMessage: the body is its request payload; stored when the station accepts it.");
        group.MapDelete("/{messageId:int}", ClearAsync).WithSummary("ClearDisplayMessage; the stored message goes when the station clears it (or does not know it).");
        return group;
    }

    private static async Task<Ok<List<DisplayMessageModel>>> ListAsync(string stationId, DisplayMessageStore messages, CancellationToken cancellationToken) =>
        TypedResults.Ok((await messages.ListAsync(stationId, cancellationToken)).Select(message => new DisplayMessageModel(
            message.Id, message.Priority, message.State, message.StartAt, message.EndAt, message.TransactionId, message.Content,
            message.Origin, message.UpdatedAt, message.Message)).ToList());

    private static async Task<Results<Ok<DisplayMessageCommandResult>, ProblemHttpResult>> SetAsync(
        string stationId, HttpRequest http, OperatorCommands commands, CancellationToken cancellationToken)
    {
        var (request, problem) = await CommandBody.ReadAsync(http, OcppJsonContext.Default.SetDisplayMessageRequest, cancellationToken);
        if (problem is not null)
            return problem;
        return await CommandBody.SendAsync(commands, stationId, request!, (response, _) => new DisplayMessageCommandResult(
            JsonSerializer.SerializeToElement(response, OcppJsonContext.Default.SetDisplayMessageResponse), response.Status == DisplayMessageStatus.Accepted),
            cancellationToken);
    }

    // Unknown means the station does not show it: the stored one is stale and goes too.
    private static Task<Results<Ok<DisplayMessageCommandResult>, ProblemHttpResult>> ClearAsync(
        string stationId, int messageId, OperatorCommands commands, CancellationToken cancellationToken) =>
        CommandBody.SendAsync(commands, stationId, new ClearDisplayMessageRequest { Id = messageId }, (response, _) => new DisplayMessageCommandResult(
            JsonSerializer.SerializeToElement(response, OcppJsonContext.Default.ClearDisplayMessageResponse), response.Status == ClearMessageStatus.Accepted),
            cancellationToken);
}
