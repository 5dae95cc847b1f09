using System.Globalization;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Apis.Queries;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary><c>/api/transactions</c>: transactions as the stations reported them, the stale ones, and ending one on the CSMS side.</summary>
public static class TransactionsApi
{
    /// <summary>How long an active transaction of a connected station may go without an event before it counts as stale.</summary>
    public const int DefaultStaleSeconds = 600;

    private const int MaxStaleSeconds = 31_536_000;

    public static RouteGroupBuilder MapTransactionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/transactions").WithTags("Transactions");
        group.MapGet("/", ListAsync)
            .WithSummary($"Transactions, newest first (at most {TransactionQueries.ListLimit}); filter by stationId and active.");
        group.MapGet("/stale", ListStaleAsync)
            .WithSummary($"Active transactions whose station is not connected, or with no event for olderThanSeconds (default {DefaultStaleSeconds}).");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One transaction (by the CSMS's numeric id) with its meter values and events.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/end", EndAsync)
            .WithSummary("End a transaction on the CSMS side, recording who and why (nothing is sent to the station); repeating it changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<List<TransactionSummary>>> ListAsync(
        TransactionQueries transactions, CancellationToken cancellationToken, string? stationId = null, bool? active = null) =>
        TypedResults.Ok(await transactions.ListAsync(stationId, active, cancellationToken));

    private static async Task<Results<Ok<List<TransactionSummary>>, ValidationProblem>> ListStaleAsync(
        TransactionQueries transactions, StationConnections connections, TimeProvider time, CancellationToken cancellationToken,
        string? olderThanSeconds = null)
    {
        var seconds = DefaultStaleSeconds;
        if (olderThanSeconds is not null
            && (!int.TryParse(olderThanSeconds, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds is < 1 or > MaxStaleSeconds))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["olderThanSeconds"] = [$"olderThanSeconds must be a whole number of seconds from 1 to {MaxStaleSeconds}."],
            });
        }

        var connected = connections.All.Select(session => session.StationId).ToList();
        return TypedResults.Ok(await transactions.ListStaleAsync(connected, time.GetUtcNow().AddSeconds(-seconds), cancellationToken));
    }

    private static async Task<Results<Ok<TransactionDetails>, ProblemHttpResult>> GetAsync(
        long id, TransactionQueries transactions, CancellationToken cancellationToken) =>
        await transactions.GetAsync(id, cancellationToken) is { } transaction
            ? TypedResults.Ok(transaction)
            : Problems.NotFound("Unknown transaction", $"No transaction has id {id}.");

    private static async Task<Results<Ok<TransactionSummary>, ValidationProblem, ProblemHttpResult>> EndAsync(
        long id, TransactionEndRequest body, TransactionEnds ends, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Validate(body) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        var ended = await ends.EndAsync(id, body.EndedBy!, body.Reason!, body.StoppedReason ?? nameof(StoppedReason.Other), time.GetUtcNow(), cancellationToken);
        return ended is not null ? TypedResults.Ok(ended) : Problems.NotFound("Unknown transaction", $"No transaction has id {id}.");
    }

    private static Dictionary<string, string[]> Validate(TransactionEndRequest body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.EndedBy is not { Length: > 0 and <= 100 } || ApiText.HasNul(body.EndedBy))
            errors["endedBy"] = ["endedBy (who ends it) must have 1 to 100 characters, none of them U+0000."];
        if (body.Reason is not { Length: > 0 and <= 500 } || ApiText.HasNul(body.Reason))
            errors["reason"] = ["reason (why) must have 1 to 500 characters, none of them U+0000."];
        if (body.StoppedReason is { } reason && !Enum.GetNames<StoppedReason>().Contains(reason, StringComparer.Ordinal))
            errors["stoppedReason"] = [$"stoppedReason must be one of {string.Join(", ", Enum.GetNames<StoppedReason>())}."];
        return errors;
    }
}
