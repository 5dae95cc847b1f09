using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Apis.Queries;
using DrivePower.Csms.Data;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Frames;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary><c>/api/stations</c>: every station the CSMS has stored, one in full, and forgetting one that no longer exists.</summary>
public static class StationsApi
{
    public static RouteGroupBuilder MapStationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stations").WithTags("Stations");
        group.MapGet("/", ListAsync).WithSummary("Every known station: connection, last sign of life, boot data, connector statuses.");
        group.MapGet("/{id}", GetAsync).WithSummary("One station in full: firmware/log status, recent events, device model, active transactions.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", DeleteAsync)
            .WithSummary("Forget a station that no longer exists, with everything stored about it (transactions included); 409 while it is connected.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Ok<List<StationSummary>>> ListAsync(StationQueries stations, StationConnections connections, CancellationToken cancellationToken) =>
        TypedResults.Ok(await stations.ListAsync(connections.IsConnected, cancellationToken));

    private static async Task<Results<Ok<StationDetails>, ProblemHttpResult>> GetAsync(
        string id, StationQueries stations, TransactionQueries transactions, StationConnections connections, CancellationToken cancellationToken)
    {
        if (await stations.GetAsync(id, connections.IsConnected(id), cancellationToken) is not { } station)
            return Problems.NotFound("Unknown station", $"No station {OcppText.Quote(id)} is known: it never sent a BootNotification.");
        var active = await transactions.ListAsync(id, active: true, cancellationToken);
        return TypedResults.Ok(station with { ActiveTransactions = active });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, StationStore stations, StationConnections connections, CancellationToken cancellationToken)
    {
        if (connections.IsConnected(id))
        {
            return Problems.Create(StatusCodes.Status409Conflict, "Station connected",
                "The station is connected right now: only a station that no longer exists can be deleted. Disconnect it first.");
        }

        return await stations.DeleteAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("Unknown station", "No station with this id is known: it never sent a BootNotification.");
    }
}
