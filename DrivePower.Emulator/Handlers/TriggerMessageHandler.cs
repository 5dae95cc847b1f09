using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// TriggerMessage: BootNotification (only before acceptance; after it Rejected, F06.FR.17), Heartbeat,
/// StatusNotification, MeterValues, TransactionEvent, LogStatusNotification (Idle unless an upload runs) and FirmwareStatusNotification
/// (the running update's status, Idle when none) are Accepted and sent right after the answer
/// (even while Pending); an unknown EVSE or connector is Rejected; other messages are NotImplemented.
/// </summary>
internal static class TriggerMessageHandler
{
    public static OcppHandlerRegistry OnTriggerMessage(this OcppHandlerRegistry handlers) =>
        handlers.On<TriggerMessageRequest, TriggerMessageResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, request.Evse is { } evse ? $"{request.RequestedMessage} for EVSE {evse.Id}" : request.RequestedMessage.ToString());
            return ValueTask.FromResult(new TriggerMessageResponse { Status = Trigger(station, request) });
        });

    private static TriggerMessageStatus Trigger(Station station, TriggerMessageRequest request)
    {
        var evses = request.Evse is { } target ? (station.FindEvse(target.Id) is { } evse ? [evse] : []) : station.Evses;
        if (evses.Count == 0)
            return TriggerMessageStatus.Rejected;

        switch (request.RequestedMessage)
        {
            case MessageTrigger.BootNotification:
                if (station.Registration == RegistrationStatus.Accepted || station.Session is not { } session)
                    return TriggerMessageStatus.Rejected;
                station.AfterAnswer(() => Task.Run(session.BootNow));
                return TriggerMessageStatus.Accepted;

            case MessageTrigger.Heartbeat:
                station.AfterAnswer(() => StationSession.SendHeartbeatAsync(station, CancellationToken.None));
                return TriggerMessageStatus.Accepted;

            case MessageTrigger.StatusNotification:
                var connectors = request.Evse is { ConnectorId: { } connectorId }
                    ? evses.Select(evse => evse.FindConnector(connectorId)).OfType<ConnectorState>().ToList()
                    : [.. evses.SelectMany(evse => evse.Connectors)];
                if (connectors.Count == 0)
                    return TriggerMessageStatus.Rejected;
                station.AfterAnswer(() => SendStatusesAsync(station, connectors));
                return TriggerMessageStatus.Accepted;

            case MessageTrigger.MeterValues:
                station.AfterAnswer(() => SendMeterValuesAsync(station, evses));
                return TriggerMessageStatus.Accepted;

            case MessageTrigger.TransactionEvent:
                station.AfterAnswer(() =>
                {
                    foreach (var transaction in evses.Select(evse => evse.Transaction).OfType<TransactionSession>())
                        transaction.SendTriggered();
                    return Task.CompletedTask;
                });
                return TriggerMessageStatus.Accepted;

            case MessageTrigger.LogStatusNotification:
                station.AfterAnswer(() => station.SendNowAsync(station.LogUploads.Current(), CancellationToken.None));
                return TriggerMessageStatus.Accepted;

            case MessageTrigger.FirmwareStatusNotification:
                station.AfterAnswer(() => station.SendNowAsync(station.Firmware.Current(), CancellationToken.None));
                return TriggerMessageStatus.Accepted;

            default:
                return TriggerMessageStatus.NotImplemented;
        }
    }

    private static async Task SendStatusesAsync(Station station, IEnumerable<ConnectorState> connectors)
    {
        foreach (var connector in connectors)
            await station.SendNowAsync(Station.StatusRequest(connector, station.StatusOf(connector)), CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task SendMeterValuesAsync(Station station, IEnumerable<EvseState> evses)
    {
        foreach (var evse in evses)
        {
            var request = new MeterValuesRequest { EvseId = evse.Id, MeterValue = [evse.Meter.Sample(ReadingContext.Trigger)] };
            await station.SendNowAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
