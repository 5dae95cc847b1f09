using DrivePower.Csms.Authorization;
using DrivePower.Csms.Data;
using DrivePower.Csms.Events;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>
/// TransactionEvent: the transaction, the raw event and its meter values are stored together; a
/// repeated seqNo changes nothing and is answered the same. Subscribers learn of stored events only.
/// An event naming a reservationId marks that reservation Used by the transaction. With a tariff, Updated
/// is answered with the running cost and Ended with the final one (computed in the same batch).
/// </summary>
public sealed class TransactionEventHandler(
    TransactionStore transactions, ReservationStore reservations, IdTokenAuthorizer authorizer, StationEventHub events, TimeProvider time)
    : IStationCallHandler<TransactionEventRequest, TransactionEventResponse>
{
    public async ValueTask<TransactionEventResponse> HandleAsync(OcppCallContext context, TransactionEventRequest request, CancellationToken cancellationToken)
    {
        var outcome = await transactions.RecordEventAsync(context.StationId, request, context.Payload, time.GetUtcNow(), cancellationToken);
        if (!outcome.Duplicate)
            events.Publish(ToEvent(context.StationId, request, outcome));
        if (request.ReservationId is { } reservationId)
            await reservations.EndAsync(context.StationId, reservationId, "Used", request.TransactionInfo.TransactionId, time.GetUtcNow(), cancellationToken);

        return new TransactionEventResponse
        {
            TotalCost = request.EventType is TransactionEventType.Started ? null : outcome.TotalCost,
            IdTokenInfo = request.IdToken is { } idToken ? await authorizer.AuthorizeAsync(idToken, cancellationToken) : null,
        };
    }

    private static StationEvent ToEvent(string stationId, TransactionEventRequest request, TransactionEventOutcome outcome)
    {
        var transactionId = request.TransactionInfo.TransactionId;
        return request.EventType switch
        {
            TransactionEventType.Started => new TransactionStartedEvent(stationId, request.Timestamp, transactionId, outcome.Id,
                request.SeqNo, outcome.EvseId, outcome.IdToken),
            TransactionEventType.Ended => new TransactionEndedEvent(stationId, request.Timestamp, transactionId, outcome.Id,
                request.SeqNo, outcome.StoppedReason, outcome.EnergyStartWh, outcome.EnergyEndWh, outcome.EnergyWh),
            _ => new TransactionUpdatedEvent(stationId, request.Timestamp, transactionId, outcome.Id,
                request.SeqNo, outcome.ChargingState, outcome.EnergyStartWh, outcome.EnergyEndWh, outcome.EnergyWh),
        };
    }
}
