using System.Text.Json;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Commands;
using DrivePower.Csms.Data;
using DrivePower.Csms.Stations;
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
        string stationId, HttpRequest http, StationConnections connections, CommandEffects effects, CancellationToken cancellationToken)
    {
        var (request, problem) = await CommandBody.ReadAsync(http, OcppJsonContext.Default.SetDisplayMessageRequest, cancellationToken);
        if (problem is not null)
            return problem;
        return await CommandBody.SendAsync(connections, stationId, request!, async response =>
        {
            var accepted = await effects.SetDisplayMessageAsync(stationId, request!, response, cancellationToken);
            return new DisplayMessageCommandResult(JsonSerializer.SerializeToElement(response, OcppJsonContext.Default.SetDisplayMessageResponse), accepted);
        }, cancellationToken);
    }

    // Unknown means the station does not show it: the stored one is stale and goes too.
    private static Task<Results<Ok<DisplayMessageCommandResult>, ProblemHttpResult>> ClearAsync(
        string stationId, int messageId, StationConnections connections, CommandEffects effects, CancellationToken cancellationToken) =>
        CommandBody.SendAsync(connections, stationId, new ClearDisplayMessageRequest { Id = messageId }, async response =>
        {
            var accepted = await effects.ClearDisplayMessageAsync(stationId, messageId, response, cancellationToken);
            return new DisplayMessageCommandResult(JsonSerializer.SerializeToElement(response, OcppJsonContext.Default.ClearDisplayMessageResponse), accepted);
        }, cancellationToken);
}
