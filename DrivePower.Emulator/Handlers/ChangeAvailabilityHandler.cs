using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// ChangeAvailability of the station, an EVSE or a connector (a wider one covers what it contains): Accepted and the new statuses reported,
/// or Scheduled when a transaction runs there (it becomes Unavailable once the transaction ends).
/// An unknown EVSE or connector is Rejected.
/// </summary>
internal static class ChangeAvailabilityHandler
{
    public static OcppHandlerRegistry OnChangeAvailability(this OcppHandlerRegistry handlers) =>
        handlers.On<ChangeAvailabilityRequest, ChangeAvailabilityResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            var target = request.Evse is { } evse ? $"EVSE {evse.Id}" + (evse.ConnectorId is { } c ? $" connector {c}" : "") : "station";
            station.CommandReceived(context.Action, $"{target} {request.OperationalStatus}");
            return ValueTask.FromResult(new ChangeAvailabilityResponse { Status = Change(station, request) });
        });

    private static ChangeAvailabilityStatus Change(Station station, ChangeAvailabilityRequest request)
    {
        var operative = request.OperationalStatus == OperationalStatus.Operative;
        List<ConnectorState> affected;
        lock (station.Sync)
        {
            if (request.Evse is not { } target)
            {
                station.Operative = operative;
                foreach (var each in station.Evses)
                    SetEvse(each, operative);
                affected = [.. station.Connectors];
            }
            else if (station.FindEvse(target.Id) is not { } evse)
            {
                return ChangeAvailabilityStatus.Rejected;
            }
            else if (target.ConnectorId is { } connectorId)
            {
                if (evse.FindConnector(connectorId) is not { } connector)
                    return ChangeAvailabilityStatus.Rejected;
                connector.Operative = operative;
                affected = [connector];
            }
            else
            {
                SetEvse(evse, operative);
                affected = [.. evse.Connectors];
            }
        }

        station.AfterAnswer(() =>
        {
            station.ReportStatuses(affected);
            return Task.CompletedTask;
        });
        var busy = !operative && affected.Any(connector => connector.Evse.Transaction is not null);
        return busy ? ChangeAvailabilityStatus.Scheduled : ChangeAvailabilityStatus.Accepted;
    }

    /// <summary>An EVSE's availability covers its connectors (as the station's covers its EVSEs).</summary>
    private static void SetEvse(EvseState evse, bool operative)
    {
        evse.Operative = operative;
        foreach (var connector in evse.Connectors)
            connector.Operative = operative;
    }
}
