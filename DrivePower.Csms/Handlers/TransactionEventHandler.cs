using DrivePower.Csms.Authorization;
using DrivePower.Csms.Data;
using DrivePower.Csms.Events;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>
/// TransactionEvent: the transaction, the raw event and its meter values are stored together; a
/// repeated seqNo changes nothing and is answered the same. Subscribers learn of stored events only.
/// An event naming a reservationId marks that reservation Used by the transaction; the Ended event
/// removes the transaction's TxProfiles and display messages, as the station does. With a tariff, Ended
/// is answered with the final cost (computed in the same batch); the running cost goes by CostUpdated.
/// </summary>
public sealed class TransactionEventHandler(
    TransactionStore transactions, ReservationStore reservations, EndedTransactionCleanup cleanup, IdTokenAuthorizer authorizer,
    StationEventHub events, TimeProvider time)
    : IStationCallHandler<TransactionEventRequest, TransactionEventResponse>
{
    public async ValueTask<TransactionEventResponse> HandleAsync(OcppCallContext context, TransactionEventRequest request, CancellationToken cancellationToken)
    {
        var outcome = await transactions.RecordEventAsync(context.StationId, request, context.Payload, time.GetUtcNow(), cancellationToken);
        if (!outcome.Duplicate)
            events.Publish(ToEvent(context.StationId, request, outcome));
        if (request.ReservationId is { } reservationId)
            await reservations.EndAsync(context.StationId, reservationId, "Used", request.TransactionInfo.TransactionId, time.GetUtcNow(), cancellationToken);
        if (request.EventType == TransactionEventType.Ended)
            await cleanup.RemoveAsync(context.StationId, request.TransactionInfo.TransactionId, cancellationToken);

        return new TransactionEventResponse
        {
            // The schema: totalCost "SHALL only be sent when charging has ended"; the running cost goes by CostUpdated.
            TotalCost = request.EventType is TransactionEventType.Ended ? outcome.TotalCost : null,
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
