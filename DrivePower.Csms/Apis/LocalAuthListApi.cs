using System.Text.Json;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Commands;
using DrivePower.Csms.Data;
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
        string stationId, HttpRequest http, OperatorCommands commands, CancellationToken cancellationToken)
    {
        var (request, problem) = await CommandBody.ReadAsync(http, OcppJsonContext.Default.SendLocalListRequest, cancellationToken);
        if (problem is not null)
            return problem;
        return await CommandBody.SendAsync(commands, stationId, request!, (response, _) => new LocalAuthListCommandResult(
            JsonSerializer.SerializeToElement(response, OcppJsonContext.Default.SendLocalListResponse), response.Status == SendLocalListStatus.Accepted),
            cancellationToken);
    }

    private static async Task<Results<Ok<LocalAuthListVersionModel>, ProblemHttpResult>> VersionAsync(
        string stationId, OperatorCommands commands, LocalAuthListStore lists, CancellationToken cancellationToken)
    {
        var stored = await lists.ReadAsync(stationId, cancellationToken);
        return await CommandBody.SendAsync(commands, stationId, new GetLocalListVersionRequest(),
            (response, _) => new LocalAuthListVersionModel(response.VersionNumber, stored.Version), cancellationToken);
    }
}
