using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>UnlockConnector: Unlocked (a plugged cable comes out), OngoingAuthorizedTransaction while charging, or UnknownConnector.</summary>
internal static class UnlockConnectorHandler
{
    public static OcppHandlerRegistry OnUnlockConnector(this OcppHandlerRegistry handlers) =>
        handlers.On<UnlockConnectorRequest, UnlockConnectorResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"EVSE {request.EvseId} connector {request.ConnectorId}");
            if (station.FindConnector(request.EvseId, request.ConnectorId) is not { } connector)
                return ValueTask.FromResult(new UnlockConnectorResponse { Status = UnlockStatus.UnknownConnector });
            if (connector.Evse.Transaction is { IdToken: not null } transaction && transaction.Connector == connector)
                return ValueTask.FromResult(new UnlockConnectorResponse { Status = UnlockStatus.OngoingAuthorizedTransaction });

            var unplugged = false;
            lock (station.Sync)
            {
                if (connector.Evse.Transaction is null && connector.Plugged)
                {
                    connector.Plugged = false;
                    unplugged = true;
                }
            }

            if (unplugged)
                station.AfterAnswer(() =>
                {
                    station.ReportStatus(connector);
                    return Task.CompletedTask;
                });
            return ValueTask.FromResult(new UnlockConnectorResponse { Status = UnlockStatus.Unlocked });
        });
}
