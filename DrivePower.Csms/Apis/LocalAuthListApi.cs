using System.Text.Json;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Commands;
using DrivePower.Csms.Data;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>
/// A station's local authorization list: what it holds (as stored when it accepted it), SendLocalList with
/// its effect stored, and GetLocalListVersion beside the stored version.
/// </summary>
public static class LocalAuthListApi
{
    public static RouteGroupBuilder MapLocalAuthListApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stations/{stationId}/local-list").WithTags("LocalAuthList");
        group.MapGet("/", ReadAsync).WithSummary("The station's local list: version and entries, as it accepted them.");
        group.MapPost("/", SendAsync).Accepts<JsonElement>("application/json")
            .WithSummary("SendLocalList: the body is its request payload; applied to the stored list when the station accepts it.");
        group.MapGet("/version", VersionAsync).WithSummary("GetLocalListVersion: the station's version beside the stored one.");
        return group;
    }

    private static async Task<Ok<LocalAuthListModel>> ReadAsync(string stationId, LocalAuthListStore lists, CancellationToken cancellationToken)
    {
        var list = await lists.ReadAsync(stationId, cancellationToken);
        return TypedResults.Ok(new LocalAuthListModel(list.Version, list.UpdatedAt,
            [.. list.Entries.Select(entry => new LocalAuthListEntryModel(entry.IdToken, entry.Type, entry.Status, entry.IdTokenInfo))]));
    }

    private static async Task<Results<Ok<LocalAuthListCommandResult>, ProblemHttpResult>> SendAsync(
        string stationId, HttpRequest http, StationConnections connections, CommandEffects effects, CancellationToken cancellationToken)
    {
        var (request, problem) = await CommandBody.ReadAsync(http, OcppJsonContext.Default.SendLocalListRequest, cancellationToken);
        if (problem is not null)
            return problem;
        return await CommandBody.SendAsync(connections, stationId, request!, async response =>
        {
            var accepted = await effects.SendLocalListAsync(stationId, request!, response, cancellationToken);
            return new LocalAuthListCommandResult(JsonSerializer.SerializeToElement(response, OcppJsonContext.Default.SendLocalListResponse), accepted);
        }, cancellationToken);
    }

    private static Task<Results<Ok<LocalAuthListVersionModel>, ProblemHttpResult>> VersionAsync(
        string stationId, StationConnections connections, LocalAuthListStore lists, CancellationToken cancellationToken) =>
        CommandBody.SendAsync(connections, stationId, new GetLocalListVersionRequest(), async response =>
            new LocalAuthListVersionModel(response.VersionNumber, (await lists.ReadAsync(stationId, cancellationToken)).Version), cancellationToken);
}
