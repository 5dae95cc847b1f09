using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Data;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary><c>/api/id-tokens</c>: the authorization list Authorize and TransactionEvent answer from.</summary>
public static class IdTokensApi
{
    public static RouteGroupBuilder MapIdTokensApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/id-tokens").WithTags("IdTokens");
        group.MapGet("/", ListAsync).WithSummary("The authorization list.");
        group.MapGet("/{type}/{idToken}", GetAsync).WithSummary("One token (the idToken is matched ignoring case).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithSummary("Add a token; 409 when it exists.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{type}/{idToken}", PutAsync).WithSummary("Add or replace a token.");
        group.MapDelete("/{type}/{idToken}", DeleteAsync).WithSummary("Remove a token.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<List<IdTokenInfoModel>>> ListAsync(IdTokenStore tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok((await tokens.ListAsync(cancellationToken)).Select(ToModel).ToList());

    private static async Task<Results<Ok<IdTokenInfoModel>, ProblemHttpResult>> GetAsync(
        string type, string idToken, IdTokenStore tokens, CancellationToken cancellationToken) =>
        await tokens.FindAsync(idToken, type, cancellationToken) is { } found
            ? TypedResults.Ok(ToModel(found))
            : NotFound(type, idToken);

    private static async Task<Results<Created<IdTokenInfoModel>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        IdTokenCreate body, IdTokenStore tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        var record = new IdTokenRecord(body.IdToken ?? "", body.Type ?? "", body.Status ?? nameof(AuthorizationStatus.Accepted),
            body.ExpiresAt, body.GroupIdToken, body.GroupIdTokenType, default, default);
        if (Validate(record) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        if (await tokens.InsertAsync(record, time.GetUtcNow(), cancellationToken) is not { } created)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "IdToken exists",
                $"{record.Type} token {OcppText.Quote(record.IdToken)} is already listed: PUT /api/id-tokens/{record.Type}/{Uri.EscapeDataString(record.IdToken)} changes it.");
        }

        return TypedResults.Created($"/api/id-tokens/{Uri.EscapeDataString(created.Type)}/{Uri.EscapeDataString(created.IdToken)}", ToModel(created));
    }

    private static async Task<Results<Ok<IdTokenInfoModel>, ValidationProblem>> PutAsync(
        string type, string idToken, IdTokenUpdate body, IdTokenStore tokens, TimeProvider time, CancellationToken cancellationToken)
    {
        var record = new IdTokenRecord(idToken, type, body.Status ?? nameof(AuthorizationStatus.Accepted),
            body.ExpiresAt, body.GroupIdToken, body.GroupIdTokenType, default, default);
        if (Validate(record) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(ToModel(await tokens.UpsertAsync(record, time.GetUtcNow(), cancellationToken)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string type, string idToken, IdTokenStore tokens, CancellationToken cancellationToken) =>
        await tokens.DeleteAsync(idToken, type, cancellationToken) ? TypedResults.NoContent() : NotFound(type, idToken);

    private static Dictionary<string, string[]> Validate(IdTokenRecord token)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (token.IdToken.Length is 0 or > 36)
            errors["idToken"] = ["The idToken must have 1 to 36 characters."];
        else if (ApiText.HasNul(token.IdToken))
            errors["idToken"] = ["The idToken must not hold a U+0000 (NUL) character."];
        if (!Enum.GetNames<IdTokenType>().Contains(token.Type, StringComparer.Ordinal))
            errors["type"] = [$"The type must be one of {string.Join(", ", Enum.GetNames<IdTokenType>())}."];
        if (!Enum.GetNames<AuthorizationStatus>().Contains(token.Status, StringComparer.Ordinal))
            errors["status"] = [$"The status must be one of {string.Join(", ", Enum.GetNames<AuthorizationStatus>())}."];
        if (token.GroupIdToken is { Length: 0 or > 36 })
            errors["groupIdToken"] = ["The groupIdToken must have 1 to 36 characters."];
        else if (ApiText.HasNul(token.GroupIdToken))
            errors["groupIdToken"] = ["The groupIdToken must not hold a U+0000 (NUL) character."];
        if (token.GroupIdTokenType is { } groupType && !Enum.GetNames<IdTokenType>().Contains(groupType, StringComparer.Ordinal))
            errors["groupIdTokenType"] = [$"The groupIdTokenType must be one of {string.Join(", ", Enum.GetNames<IdTokenType>())}."];
        return errors;
    }

    private static ProblemHttpResult NotFound(string type, string idToken) =>
        Problems.NotFound("Unknown idToken", $"No {OcppText.Quote(type)} token {OcppText.Quote(idToken)} is listed.");

    private static IdTokenInfoModel ToModel(IdTokenRecord token) => new(token.IdToken, token.Type, token.Status, token.ExpiresAt,
        token.GroupIdToken, token.GroupIdTokenType, token.CreatedAt, token.UpdatedAt);
}
