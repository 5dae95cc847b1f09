using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>
/// <c>/api/tariff</c> (the default) and <c>/api/stations/{stationId}/tariff</c> (an override that wins over it):
/// what the CSMS prices transactions by. With neither set, no cost is sent.
/// </summary>
public static class TariffsApi
{
    private const decimal MaxPrice = 99_999_999m; // what numeric(12,4) holds

    public static RouteGroupBuilder MapTariffsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api").WithTags("Tariffs");
        group.MapGet("/tariff", (TariffStore tariffs, CancellationToken ct) => GetAsync(null, tariffs, ct))
            .WithSummary("The default tariff.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/tariff", (TariffRequest body, TariffStore tariffs, TimeProvider time, CancellationToken ct) => SetAsync(null, body, tariffs, time, ct))
            .WithSummary("Set the default tariff.");
        group.MapDelete("/tariff", (TariffStore tariffs, CancellationToken ct) => DeleteAsync(null, tariffs, ct))
            .WithSummary("Remove the default tariff: transactions without an override are then not priced.");
        group.MapGet("/stations/{stationId}/tariff", GetAsync)
            .WithSummary("The station's tariff override.").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/stations/{stationId}/tariff", SetAsync)
            .WithSummary("Set the station's tariff override (it wins over the default).").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/stations/{stationId}/tariff", DeleteAsync)
            .WithSummary("Remove the station's override: the default applies again.").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<TariffModel>, ProblemHttpResult>> GetAsync(string? stationId, TariffStore tariffs, CancellationToken cancellationToken) =>
        await tariffs.GetAsync(stationId, cancellationToken) is { } tariff
            ? TypedResults.Ok(ToModel(stationId, tariff))
            : NoTariff(stationId);

    private static async Task<Results<Ok<TariffModel>, ValidationProblem, ProblemHttpResult>> SetAsync(
        string? stationId, TariffRequest body, TariffStore tariffs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Validate(body) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        var tariff = await tariffs.SetAsync(stationId, body.Currency!, body.PricePerKwh!.Value, body.PricePerMinute!.Value,
            body.PricePerSession!.Value, time.GetUtcNow(), cancellationToken);
        return tariff is not null
            ? TypedResults.Ok(ToModel(stationId, tariff))
            : Problems.NotFound("Unknown station", $"No station has id '{stationId}'.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string? stationId, TariffStore tariffs, CancellationToken cancellationToken) =>
        await tariffs.DeleteAsync(stationId, cancellationToken) ? TypedResults.NoContent() : NoTariff(stationId);

    private static ProblemHttpResult NoTariff(string? stationId) => stationId is null
        ? Problems.NotFound("No tariff", "No default tariff is set.")
        : Problems.NotFound("No tariff", $"Station '{stationId}' has no tariff override.");

    private static TariffModel ToModel(string? stationId, Tariff tariff) =>
        new(stationId, tariff.Currency, tariff.PricePerKwh, tariff.PricePerMinute, tariff.PricePerSession, tariff.UpdatedAt);

    private static Dictionary<string, string[]> Validate(TariffRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
            errors["currency"] = ["currency must be an ISO 4217 code: three capital letters, such as EUR."];
        Price(errors, "pricePerKwh", body.PricePerKwh);
        Price(errors, "pricePerMinute", body.PricePerMinute);
        Price(errors, "pricePerSession", body.PricePerSession);
        return errors;
    }

    private static void Price(Dictionary<string, string[]> errors, string name, decimal? price)
    {
        if (price is not { } value || value < 0 || value > MaxPrice || value.Scale > 4 && decimal.Round(value, 4) != value)
            errors[name] = [$"{name} is required: a number from 0 to {MaxPrice} with at most 4 decimals."];
    }
}
