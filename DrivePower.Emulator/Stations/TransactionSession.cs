using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// One transaction on an EVSE, from Started to Ended: its id, its gap-free <c>seqNo</c>, its charging
/// state, and the periodic Updated events with meter values every <see cref="DeviceModel.TxUpdatedInterval"/>.
/// Every event goes through the station's outbox, in seqNo order.
/// </summary>
internal sealed partial class TransactionSession
{
    private readonly Station _station;
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<StoppedReason> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly decimal _meterStartWh;
    private int _seqNo;
    private TimeSpan _timeCharging;
    private DateTimeOffset? _chargingSince;

    private TransactionSession(Station station, ConnectorState connector, IdToken? idToken, int? remoteStartId)
    {
        _station = station;
        _meterStartWh = connector.Evse.Meter.RegisterWh;
        Connector = connector;
        IdToken = idToken;
        RemoteStartId = remoteStartId;
    }

    /// <summary>The station's id for the transaction: a GUID, 36 characters.</summary>
    public string Id { get; } = Guid.NewGuid().ToString();

    public ConnectorState Connector { get; }

    public EvseState Evse => Connector.Evse;

    /// <summary>The token that authorized it; null until authorized.</summary>
    public IdToken? IdToken { get; private set; }

    public int? RemoteStartId { get; private set; }

    /// <summary>The latest cost the CSMS told (CostUpdated, or totalCost in a TransactionEvent answer); null until it does.</summary>
    public decimal? TotalCost { get; set; }

    /// <summary>The reservation this transaction uses (H01): sent with its token.</summary>
    public int? ReservationId { get; set; }

    /// <summary>When Started was queued; a Relative charging profile counts from here.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    public ChargingState ChargingState { get; private set; } = ChargingState.EVConnected;

    /// <summary>A remote start's EV is unplugged when its transaction ends; a scenario unplugs its own.</summary>
    public bool UnplugWhenEnded { get; init; }

    public bool IsEnded => _ended.Task.IsCompleted;

    /// <summary>Completes with the stopped reason once the Ended event is queued.</summary>
    public Task<StoppedReason> Ended => _ended.Task;

    /// <summary>
    /// Takes the connector's EVSE for a new transaction, with the EV plugged in; nothing is sent until
    /// <see cref="Begin"/>. Null when the EVSE already has a transaction or the station is being switched off.
    /// </summary>
    public static TransactionSession? Reserve(
        Station station, ConnectorState connector, IdToken? idToken = null, int? remoteStartId = null, bool unplugWhenEnded = false)
    {
        var session = new TransactionSession(station, connector, idToken, remoteStartId) { UnplugWhenEnded = unplugWhenEnded };
        lock (station.Sync)
        {
            if (connector.Evse.Transaction is not null || station.IsSwitchedOff)
                return null;
            connector.Evse.Transaction = session;
            connector.Plugged = true;
        }

        return session;
    }

    /// <summary>Gives back a reserved EVSE that never began (nothing was sent for it).</summary>
    public void Release()
    {
        lock (_station.Sync)
        {
            if (Evse.Transaction == this && StartedAt is null)
            {
                Evse.Transaction = null;
                Connector.Plugged = false;
            }
        }
    }

    /// <summary>Queues Started (with the token, if already authorized) and begins the periodic updates.</summary>
    public void Begin(TriggerReason trigger)
    {
        StartedAt = DateTimeOffset.UtcNow;
        _station.Services.Metrics.TransactionStarted();
        StationLog.TransactionStarted(_station.Logger, _station.Id, Id, Evse.Id, trigger);
        Emit(TransactionEventType.Started, trigger, ReadingContext.TransactionBegin, includeIdToken: IdToken is not null, includeEvse: true);
        _ = RunUpdatesAsync();
    }

    /// <summary>Authorizes a transaction that started unauthorized (cable first), queuing an Updated with the token.</summary>
    public void Authorize(IdToken idToken, TriggerReason trigger, int? remoteStartId = null)
    {
        lock (_sync)
        {
            if (IsEnded)
                return;
            IdToken = idToken;
            RemoteStartId = remoteStartId ?? RemoteStartId;
        }

        Emit(TransactionEventType.Updated, trigger, ReadingContext.SamplePeriodic, includeIdToken: true);
    }

    /// <summary>The EV starts or stops drawing energy; an Updated with trigger ChargingStateChanged is queued.</summary>
    public void SetChargingState(ChargingState state)
    {
        lock (_sync)
        {
            if (IsEnded || ChargingState == state)
                return;
            ChargingState = state;
            var now = DateTimeOffset.UtcNow;
            if (_chargingSince is { } since)
                _timeCharging += now - since;
            _chargingSince = state == ChargingState.Charging ? now : null;
        }

        Evse.Meter.SetCharging(state == ChargingState.Charging);
        Emit(TransactionEventType.Updated, TriggerReason.ChargingStateChanged, ReadingContext.SamplePeriodic);
    }

    /// <summary>Ends the transaction: no more updates, Ended queued, the EVSE free again. False if it had already ended.</summary>
    public bool End(StoppedReason reason, TriggerReason trigger, bool cableStaysIn = true)
    {
        lock (_sync)
        {
            if (IsEnded)
                return false;
            if (_chargingSince is { } since)
                _timeCharging += DateTimeOffset.UtcNow - since;
            _chargingSince = null;
            ChargingState = cableStaysIn ? ChargingState.EVConnected : ChargingState.Idle;
            _stop.Cancel();
            Evse.Meter.SetCharging(false);
            Emit(TransactionEventType.Ended, trigger, ReadingContext.TransactionEnd, stoppedReason: reason);
            _ended.TrySetResult(reason);
        }

        lock (_station.Sync)
        {
            if (Evse.Transaction == this)
                Evse.Transaction = null;
        }

        _station.ChargingProfiles.RemoveTransaction(Id);
        _station.DisplayMessages.RemoveTransaction(Id);
        _station.Services.Metrics.TransactionEnded();
        var register = Evse.Meter.RegisterWh;
        StationLog.TransactionEnded(_station.Logger, _station.Id, Id, reason, register - _meterStartWh, register);
        _station.OnTransactionEnded(this);
        return true;
    }

    /// <summary>The limit on the EVSE changed: the EV follows it, and an Updated (ChargingRateChanged) says so.</summary>
    public void ChargingRateChanged() => Emit(TransactionEventType.Updated, TriggerReason.ChargingRateChanged, ReadingContext.SamplePeriodic);

    /// <summary>An Updated with the current meter values, for TriggerMessage(TransactionEvent).</summary>
    public void SendTriggered() => Emit(TransactionEventType.Updated, TriggerReason.Trigger, ReadingContext.Trigger);

    private async Task RunUpdatesAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await LongDelay.WaitAsync(_station.DeviceModel.TxUpdatedInterval, _stop.Token).ConfigureAwait(false);
                Emit(TransactionEventType.Updated, TriggerReason.MeterValuePeriodic, ReadingContext.SamplePeriodic);
            }
        }
        catch (OperationCanceledException)
        {
            // Ended.
        }
    }
}
