using DrivePower.Emulator.Output;
using DrivePower.Emulator.SmartCharging;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

internal sealed partial class TransactionSession
{
    /// <summary>Builds the next event (seqNo + 1) and queues it, under the lock so that queue order is seqNo order.</summary>
    private void Emit(
        TransactionEventType type,
        TriggerReason trigger,
        ReadingContext context,
        bool includeIdToken = false,
        bool includeEvse = false,
        StoppedReason? stoppedReason = null)
    {
        lock (_sync)
        {
            if (IsEnded)
                return;
            var offline = _station.Connection is not { IsOpen: true };
            Evse.Meter.SetLimit(CompositeScheduler.WattsAt(_station, Evse.Id, DateTimeOffset.UtcNow));
            var meterValue = Evse.Meter.Sample(context);
            var request = new TransactionEventRequest
            {
                EventType = type,
                Timestamp = meterValue.Timestamp,
                TriggerReason = trigger,
                SeqNo = _seqNo++,
                Offline = offline ? true : null,
                TransactionInfo = new Transaction
                {
                    TransactionId = Id,
                    ChargingState = ChargingState,
                    TimeSpentCharging = (int)TimeCharging().TotalSeconds,
                    StoppedReason = stoppedReason,
                    RemoteStartId = type == TransactionEventType.Started || includeIdToken ? RemoteStartId : null,
                },
                Evse = includeEvse ? new Evse { Id = Evse.Id, ConnectorId = Connector.Id } : null,
                ReservationId = type == TransactionEventType.Started || includeIdToken ? ReservationId : null,
                IdToken = includeIdToken ? IdToken : null,
                MeterValue = [meterValue],
            };
            _station.Outbox.Enqueue(request, Id, response => OnAnswer(type, response), $"transaction {Id} seqNo {request.SeqNo}");
            if (type == TransactionEventType.Updated)
                StationLog.TransactionUpdated(_station.Logger, _station.Id, Id, request.SeqNo, trigger,
                    meterValue.SampledValue[0].Value, meterValue.SampledValue[1].Value);
        }

        _station.ObserveMonitors(); // a new sample, a charging state: the EVSE's Power may have crossed a threshold

    }

    private TimeSpan TimeCharging() =>
        _timeCharging + (_chargingSince is { } since ? DateTimeOffset.UtcNow - since : TimeSpan.Zero);

    /// <summary>The CSMS may refuse the token in its answer: then the station stops the transaction.</summary>
    private void OnAnswer(TransactionEventType type, TransactionEventResponse response)
    {
        if (response.TotalCost is { } cost)
            TotalCost = cost;
        if (IdToken is { } idToken && response.IdTokenInfo is { } verdict && _station.DeviceModel.AuthCacheEnabled
            && !(_station.DeviceModel.LocalAuthListEnabled && _station.LocalAuthList.Find(idToken) is not null))
            _station.AuthorizationCache.Store(idToken, verdict);
        if (type == TransactionEventType.Ended || response.IdTokenInfo is not { } info || info.Status == AuthorizationStatus.Accepted)
            return;
        StationLog.Authorized(_station.Logger, _station.Id, IdToken?.Token ?? "?", info.Status);
        _ = Task.Run(() => End(StoppedReason.DeAuthorized, TriggerReason.Deauthorized));
    }
}
