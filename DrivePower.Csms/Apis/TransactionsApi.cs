using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary><c>/api/transactions</c>: transactions as the stations reported them.</summary>
public static class TransactionsApi
{
    public static RouteGroupBuilder MapTransactionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/transactions").WithTags("Transactions");
        group.MapGet("/", ListAsync)
            .WithSummary($"Transactions, newest first (at most {TransactionQueries.ListLimit}); filter by stationId and active.");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One transaction (by the CSMS's numeric id) with its meter values and events.");
        return group;
    }

    private static async Task<Ok<List<TransactionSummary>>> ListAsync(
        TransactionQueries transactions, CancellationToken cancellationToken, string? stationId = null, bool? active = null) =>
        TypedResults.Ok(await transactions.ListAsync(stationId, active, cancellationToken));

    private static async Task<Results<Ok<TransactionDetails>, ProblemHttpResult>> GetAsync(
        long id, TransactionQueries transactions, CancellationToken cancellationToken) =>
        await transactions.GetAsync(id, cancellationToken) is { } transaction
            ? TypedResults.Ok(transaction)
            : Problems.NotFound("Unknown transaction", $"No transaction has id {id}.");
}
