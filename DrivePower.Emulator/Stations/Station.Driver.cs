using System.Collections.Concurrent;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>What a driver does at the station (the control API): plug in, present a token, stop, unplug.</summary>
internal sealed partial class Station
{
    /// <summary>A token presented and accepted before the cable: the transaction starts, authorized, when the EV plugs in.</summary>
    private readonly ConcurrentDictionary<int, (IdToken Token, int? ReservationId)> _presented = new();

    /// <summary>Plugs the EV into a free connector (the given one, or the first); the transaction starts, cable first.</summary>
    public string PlugIn(EvseState evse, ConnectorState? connector)
    {
        lock (Sync)
        {
            if (evse.Transaction is not null || evse.Connectors.Any(candidate => candidate.Plugged))
                throw new DriverActionException($"EVSE {evse.Id} already has an EV plugged in.");
            connector ??= evse.Connectors.FirstOrDefault(candidate => candidate.Operative && !candidate.Faulted);
            if (connector is null || connector.Faulted || !connector.Operative || !evse.Operative || !Operative)
                throw new DriverActionException($"EVSE {evse.Id} has no connector an EV can use (faulted or unavailable).");
        }

        var transaction = TransactionSession.Reserve(this, connector)
            ?? throw new DriverActionException($"EVSE {evse.Id} cannot start a transaction now.");
        ReportStatus(connector);
        transaction.Begin(TriggerReason.CablePluggedIn);
        if (_presented.TryRemove(evse.Id, out var presented))
        {
            var token = presented.Token;
            transaction.ReservationId = presented.ReservationId;
            transaction.Authorize(token, TriggerReason.Authorized);
            transaction.SetChargingState(ChargingState.Charging);
            return $"EV plugged into connector {connector.Id}: charging for {token.Token}, presented before.";
        }

        return $"EV plugged into connector {connector.Id}: transaction {transaction.Id} waits for a token.";
    }

    /// <summary>
    /// A token at the reader: the transaction's own token stops it; otherwise it is authorized (Authorize,
    /// or the offline rules) and starts charging the waiting EV, or waits for the EV to plug in.
    /// </summary>
    public async Task<(bool Accepted, string Outcome)> PresentIdTokenAsync(EvseState evse, IdToken token)
    {
        if (evse.Transaction is { IsEnded: false, IdToken: { } current } running)
        {
            if (!string.Equals(current.Token, token.Token, StringComparison.OrdinalIgnoreCase))
                throw new DriverActionException($"EVSE {evse.Id} is charging for another token.");
            running.End(StoppedReason.Local, TriggerReason.StopAuthorized);
            return (true, $"Transaction {running.Id} stopped by its token; the EV is still plugged in.");
        }

        var status = await AuthorizeAsync(token, CancellationToken.None).ConfigureAwait(false);
        if (status != AuthorizationStatus.Accepted)
            return (false, $"Token not authorized: {status}.");
        var (allowed, reservation) = UseReservation(evse, token, GroupOf(token));
        if (!allowed)
            return (false, $"EVSE {evse.Id} is reserved for another token.");
        if (evse.Transaction is { IsEnded: false, IdToken: null } waiting)
        {
            waiting.ReservationId = reservation?.Id;
            waiting.Authorize(token, TriggerReason.Authorized);
            waiting.SetChargingState(ChargingState.Charging);
            return (true, $"Authorized: transaction {waiting.Id} charges.");
        }

        _presented[evse.Id] = (token, reservation?.Id);
        return (true, "Authorized: plug the EV in to charge.");
    }

    /// <summary>The driver starts charging here with the station's own token (ID_TOKEN), plugging in first if needed.</summary>
    public async Task<(bool Accepted, string Outcome)> StartLocallyAsync(EvseState evse)
    {
        if (evse.Transaction is { IdToken: not null, IsEnded: false })
            throw new DriverActionException($"EVSE {evse.Id} is already charging.");
        if (evse.Transaction is null)
            PlugIn(evse, null);
        return await PresentIdTokenAsync(evse, new IdToken { Token = Options.IdToken, Type = IdTokenType.ISO14443 }).ConfigureAwait(false);
    }

    /// <summary>The driver stops at the station (stoppedReason Local); the EV stays plugged in.</summary>
    public string StopLocally(EvseState evse)
    {
        if (evse.Transaction is not { IsEnded: false } running)
            throw new DriverActionException($"EVSE {evse.Id} has no transaction to stop.");
        running.End(StoppedReason.Local, TriggerReason.StopAuthorized);
        return $"Transaction {running.Id} stopped; the EV is still plugged in.";
    }

    /// <summary>The EV leaves: a running transaction ends (EVDisconnected), the connector is free.</summary>
    public string Unplug(EvseState evse)
    {
        ConnectorState? connector;
        lock (Sync)
            connector = evse.Connectors.FirstOrDefault(candidate => candidate.Plugged);
        if (connector is null)
            throw new DriverActionException($"No EV is plugged into EVSE {evse.Id}.");
        evse.Transaction?.End(StoppedReason.EVDisconnected, TriggerReason.EVCommunicationLost, cableStaysIn: false);
        lock (Sync)
            connector.Plugged = false;
        _presented.TryRemove(evse.Id, out _);
        ReportStatus(connector);
        return $"EV unplugged from connector {connector.Id}.";
    }
}

/// <summary>A driver or hardware action that cannot be done in the station's present state (HTTP 409).</summary>
internal sealed class DriverActionException(string message) : Exception(message);
