using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Data;
using DrivePower.Csms.Stations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary><c>/api/stations</c>: every station the CSMS has stored, and one in full.</summary>
public static class StationsApi
{
    public static RouteGroupBuilder MapStationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stations").WithTags("Stations");
        group.MapGet("/", ListAsync).WithSummary("Every known station: connection, last sign of life, boot data, connector statuses.");
        group.MapGet("/{id}", GetAsync).WithSummary("One station in full: firmware/log status, recent events, device model, active transactions.");
        return group;
    }

    private static async Task<Ok<List<StationSummary>>> ListAsync(StationQueries stations, StationConnections connections, CancellationToken cancellationToken) =>
        TypedResults.Ok(await stations.ListAsync(connections.IsConnected, cancellationToken));

    private static async Task<Results<Ok<StationDetails>, ProblemHttpResult>> GetAsync(
        string id, StationQueries stations, TransactionQueries transactions, StationConnections connections, CancellationToken cancellationToken)
    {
        if (await stations.GetAsync(id, connections.IsConnected(id), cancellationToken) is not { } station)
            return Problems.NotFound("Unknown station", $"No station '{id}' is known: it never sent a BootNotification.");
        var active = await transactions.ListAsync(id, active: true, cancellationToken);
        return TypedResults.Ok(station with { ActiveTransactions = active });
    }
}
