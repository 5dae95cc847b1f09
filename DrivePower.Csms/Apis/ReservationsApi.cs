using System.Text.Json;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Commands;
using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>
/// Reservations per station: ReserveNow and CancelReservation with their effect stored (a reservation is
/// stored when the station accepts it, Cancelled when it accepts the cancel), and the list with each one's
/// status (Active, Used, Cancelled, Expired, Removed).
/// </summary>
public static class ReservationsApi
{
    public static RouteGroupBuilder MapReservationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stations/{stationId}/reservations").WithTags("Reservations");
        group.MapGet("/", ListAsync).WithSummary("The station's reservations and how each stands.");
        group.MapPost("/", ReserveAsync).Accepts<JsonElement>("application/json")
            .WithSummary("ReserveNow: the body is its request payload; stored when the station accepts it.");
        group.MapDelete("/{reservationId:int}", CancelAsync).WithSummary("CancelReservation; Cancelled when the station accepts.");
        return group;
    }

    private static async Task<Ok<List<ReservationModel>>> ListAsync(string stationId, ReservationStore reservations, CancellationToken cancellationToken) =>
        TypedResults.Ok((await reservations.ListAsync(stationId, cancellationToken)).Select(reservation => new ReservationModel(
            reservation.ReservationId, reservation.EvseId, reservation.IdToken, reservation.IdTokenType, reservation.GroupIdToken,
            reservation.ConnectorType, reservation.ExpiresAt, reservation.Status, reservation.TransactionId, reservation.CreatedAt,
            reservation.UpdatedAt)).ToList());

    private static async Task<Results<Ok<ReservationCommandResult>, ProblemHttpResult>> ReserveAsync(
        string stationId, HttpRequest http, OperatorCommands commands, CancellationToken cancellationToken)
    {
        var (request, problem) = await CommandBody.ReadAsync(http, OcppJsonContext.Default.ReserveNowRequest, cancellationToken);
        if (problem is not null)
            return problem;
        return await CommandBody.SendAsync(commands, stationId, request!, (response, _) => new ReservationCommandResult(
            JsonSerializer.SerializeToElement(response, OcppJsonContext.Default.ReserveNowResponse), response.Status == ReserveNowStatus.Accepted),
            cancellationToken);
    }

    private static Task<Results<Ok<ReservationCommandResult>, ProblemHttpResult>> CancelAsync(
        string stationId, int reservationId, OperatorCommands commands, CancellationToken cancellationToken) =>
        CommandBody.SendAsync(commands, stationId, new CancelReservationRequest { ReservationId = reservationId }, (response, _) => new ReservationCommandResult(
            JsonSerializer.SerializeToElement(response, OcppJsonContext.Default.CancelReservationResponse), response.Status == CancelReservationStatus.Accepted),
            cancellationToken);
}
