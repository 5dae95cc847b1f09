using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

internal sealed partial class Station
{
    /// <summary>
    /// A connector's status from its state: Faulted when its hardware says so; Unavailable when it, its EVSE or the station is inoperative and
    /// no transaction holds it (a running one finishes first: "Scheduled"); Occupied when plugged or in a
    /// transaction; Reserved when its EVSE is held for a reservation (<see cref="IsReserved"/>); otherwise Available.
    /// </summary>
    public ConnectorStatus StatusOf(ConnectorState connector)
    {
        lock (Sync)
        {
            if (connector.Faulted)
                return ConnectorStatus.Faulted;
            var transaction = connector.Evse.Transaction;
            var inUse = connector.Plugged || transaction?.Connector == connector;
            var operative = Operative && connector.Evse.Operative && connector.Operative;
            if (!operative && transaction is null)
                return ConnectorStatus.Unavailable;
            if (inUse)
                return ConnectorStatus.Occupied;
            return IsReserved(connector.Evse) ? ConnectorStatus.Reserved : ConnectorStatus.Available;
        }
    }

    /// <summary>Queues a StatusNotification for each connector whose status differs from what the CSMS last heard.</summary>
    public void ReportStatuses(IEnumerable<ConnectorState> connectors)
    {
        // While reservations for any EVSE are held, one EVSE taken or freed can change whether the others show Reserved.
        if (Reservations.HasAnyEvseReservations)
            connectors = Connectors;
        foreach (var connector in connectors)
        {
            var status = StatusOf(connector);
            lock (Sync)
            {
                if (connector.Reported == status)
                    continue;
                connector.Reported = status;
            }

            StationLog.StatusChanged(Logger, Id, connector.Evse.Id, connector.Id, status);
            Outbox.Enqueue(StatusRequest(connector, status));
            ObserveMonitors(); // AvailabilityState changed
        }
    }

    public void ReportStatus(ConnectorState connector) => ReportStatuses([connector]);

    public void ReportAllStatuses() => ReportStatuses(Connectors);

    public static StatusNotificationRequest StatusRequest(ConnectorState connector, ConnectorStatus status) => new()
    {
        Timestamp = DateTimeOffset.UtcNow,
        ConnectorStatus = status,
        EvseId = connector.Evse.Id,
        ConnectorId = connector.Id,
    };
}
