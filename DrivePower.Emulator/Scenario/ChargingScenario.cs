using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Scenario;

/// <summary>
/// SCENARIO=charging: on every EVSE of the station, over and over: plug in (Occupied, Started with
/// CablePluggedIn), Authorize the ID_TOKEN (refused, or refused by the offline rules when the CSMS cannot
/// answer: the transaction ends and the EV unplugs), charge for
/// SCENARIO_CHARGE_SECONDS, stop (Local, or the EV leaves: EVDisconnected), unplug (Available), pause for
/// SCENARIO_PAUSE_SECONDS. Durations vary by ±SCENARIO_RANDOMNESS. With STATION_COUNT above 1 each EVSE's
/// first session waits a random part of the pause; a single station's starts at once.
/// </summary>
internal sealed class ChargingScenario(Station station)
{
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(1);

    private readonly TimeSpan _poll = TimeSpan.FromTicks(Math.Clamp(station.Options.ScenarioPause.Ticks, TimeSpan.FromMilliseconds(50).Ticks, MaxPoll.Ticks));

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(station.Evses.Select(evse => RunEvseAsync(evse, cancellationToken)));

    private async Task RunEvseAsync(EvseState evse, CancellationToken cancellationToken)
    {
        try
        {
            // Spread the first sessions, so that thousands of stations don't plug in at the same instant;
            // a lone station has nothing to spread from, and its user should not wait up to a pause for it.
            if (station.Options.StationCount > 1)
                await Task.Delay(Vary(station.Options.ScenarioPause) * Random.Shared.NextDouble(), cancellationToken).ConfigureAwait(false);
            while (!cancellationToken.IsCancellationRequested)
            {
                await SessionAsync(evse, cancellationToken).ConfigureAwait(false);
                await Task.Delay(Vary(station.Options.ScenarioPause), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task SessionAsync(EvseState evse, CancellationToken cancellationToken)
    {
        var connector = await PlugInAsync(evse, cancellationToken).ConfigureAwait(false);
        var transaction = TransactionSession.Reserve(station, connector);
        if (transaction is null)
            return; // a remote start took the EVSE first
        station.ReportStatus(connector);
        transaction.Begin(TriggerReason.CablePluggedIn);

        var idToken = new IdToken { Token = station.Options.IdToken, Type = IdTokenType.ISO14443 };
        // Not cancelled by shutdown: the CALL ends with its connection, and its answer is not left unmatched.
        var status = await station.AuthorizeAsync(idToken, CancellationToken.None).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (status != AuthorizationStatus.Accepted)
        {
            transaction.End(StoppedReason.DeAuthorized, TriggerReason.Deauthorized, cableStaysIn: false);
        }
        else
        {
            transaction.Authorize(idToken, TriggerReason.Authorized);
            transaction.SetChargingState(ChargingState.Charging);
            await Task.WhenAny(transaction.Ended, Task.Delay(Vary(station.Options.ScenarioCharge), cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (Random.Shared.NextDouble() < 0.5)
                transaction.End(StoppedReason.Local, TriggerReason.StopAuthorized);
            else
                transaction.End(StoppedReason.EVDisconnected, TriggerReason.EVCommunicationLost, cableStaysIn: false);
        }

        lock (station.Sync)
            connector.Plugged = false;
        station.ReportStatus(connector);
    }

    /// <summary>Waits until the station is accepted and the EVSE free and operative; returns the connector the EV uses.</summary>
    private async Task<ConnectorState> PlugInAsync(EvseState evse, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (station.IsAccepted && evse.Transaction is null && station.Operative && evse.Operative && !station.IsReserved(evse))
            {
                var free = evse.Connectors.Where(connector => connector.Operative && !connector.Plugged && !connector.Faulted).ToList();
                if (free.Count > 0)
                    return free[Random.Shared.Next(free.Count)];
            }

            await Task.Delay(_poll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The duration, varied by up to ±SCENARIO_RANDOMNESS.</summary>
    private TimeSpan Vary(TimeSpan duration) =>
        duration * (1 + (station.Options.ScenarioRandomness * ((2 * Random.Shared.NextDouble()) - 1)));
}
