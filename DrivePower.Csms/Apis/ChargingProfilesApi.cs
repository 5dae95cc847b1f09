using System.Text.Json;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Commands;
using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>
/// Smart charging per station: the profiles it has (as set through here and accepted, or as it reported
/// them), its external limits, and setting and clearing profiles with the effect stored: a profile is
/// stored when the station accepts it, removed when the station clears it.
/// </summary>
public static class ChargingProfilesApi
{
    public static RouteGroupBuilder MapChargingProfilesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stations/{stationId}").WithTags("SmartCharging");
        group.MapGet("/charging-profiles", ListAsync).WithSummary("The charging profiles the station has, as the CSMS knows them.");
        group.MapPost("/charging-profiles", SetAsync).Accepts<JsonElement>("application/json")
            .WithSummary("SetChargingProfile: the body is its request payload; stored when the station accepts it.");
        group.MapDelete("/charging-profiles/{profileId:int}", DeleteAsync)
            .WithSummary("ClearChargingProfile of one profile id; the stored profile goes when the station clears it (or does not know it).");
        group.MapPost("/charging-profiles/clear", ClearAsync).Accepts<JsonElement>("application/json")
            .WithSummary("ClearChargingProfile: the body is its request payload (id or criteria); the matching stored profiles go with them.");
        group.MapGet("/charging-limits", ListLimitsAsync).WithSummary("External limits the station reported (NotifyChargingLimit), until cleared.");
        return group;
    }

    private static async Task<Ok<List<ChargingProfileModel>>> ListAsync(string stationId, ChargingProfileStore profiles, CancellationToken cancellationToken) =>
        TypedResults.Ok((await profiles.ListAsync(stationId, cancellationToken)).Select(profile => new ChargingProfileModel(
            profile.EvseId, profile.ProfileId, profile.StackLevel, profile.Purpose, profile.Kind, profile.TransactionId,
            profile.ValidFrom, profile.ValidTo, profile.Source, profile.Origin, profile.UpdatedAt, profile.Profile)).ToList());

    private static async Task<Ok<List<ChargingLimitModel>>> ListLimitsAsync(string stationId, ChargingLimitStore limits, CancellationToken cancellationToken) =>
        TypedResults.Ok((await limits.ListAsync(stationId, cancellationToken)).Select(limit =>
            new ChargingLimitModel(limit.EvseId, limit.Source, limit.IsGridCritical, limit.Schedules, limit.NotifiedAt)).ToList());

    private static async Task<Results<Ok<ChargingProfileCommandResult>, ProblemHttpResult>> SetAsync(
        string stationId, HttpRequest http, OperatorCommands commands, CancellationToken cancellationToken)
    {
        var (request, problem) = await CommandBody.ReadAsync(http, OcppJsonContext.Default.SetChargingProfileRequest, cancellationToken);
        if (problem is not null)
            return problem;
        return await CommandBody.SendAsync(commands, stationId, request!, (response, outcome) => new ChargingProfileCommandResult(
            JsonSerializer.SerializeToElement(response, OcppJsonContext.Default.SetChargingProfileResponse),
            response.Status == ChargingProfileStatus.Accepted, outcome.StoredChanges, 0), cancellationToken);
    }

    private static Task<Results<Ok<ChargingProfileCommandResult>, ProblemHttpResult>> DeleteAsync(
        string stationId, int profileId, OperatorCommands commands, CancellationToken cancellationToken) =>
        ClearStoredAsync(stationId, new ClearChargingProfileRequest { ChargingProfileId = profileId }, commands, cancellationToken);

    private static async Task<Results<Ok<ChargingProfileCommandResult>, ProblemHttpResult>> ClearAsync(
        string stationId, HttpRequest http, OperatorCommands commands, CancellationToken cancellationToken)
    {
        var (request, problem) = await CommandBody.ReadAsync(http, OcppJsonContext.Default.ClearChargingProfileRequest, cancellationToken);
        return problem ?? (Results<Ok<ChargingProfileCommandResult>, ProblemHttpResult>)await ClearStoredAsync(stationId, request!, commands, cancellationToken);
    }

    // Unknown means the station has none of them: the stored ones are stale and go too.
    private static Task<Results<Ok<ChargingProfileCommandResult>, ProblemHttpResult>> ClearStoredAsync(
        string stationId, ClearChargingProfileRequest request, OperatorCommands commands, CancellationToken cancellationToken) =>
        CommandBody.SendAsync(commands, stationId, request, (response, outcome) => new ChargingProfileCommandResult(
            JsonSerializer.SerializeToElement(response, OcppJsonContext.Default.ClearChargingProfileResponse),
            response.Status == ClearChargingProfileStatus.Accepted, 0, outcome.StoredChanges), cancellationToken);
}
