using System.Collections.Concurrent;

namespace DrivePower.Csms.Stations;

/// <summary>The latest known status of every connector, in memory (the database holds the same, durably).</summary>
public sealed class ConnectorStatusRegistry
{
    private readonly ConcurrentDictionary<(string StationId, int EvseId, int ConnectorId), ConnectorState> _states = new();

    public void Update(string stationId, int evseId, int connectorId, string status, DateTimeOffset timestamp) =>
        _states.AddOrUpdate((stationId, evseId, connectorId),
            new ConnectorState(evseId, connectorId, status, timestamp),
            (_, previous) => previous.Timestamp > timestamp ? previous : new ConnectorState(evseId, connectorId, status, timestamp));

    public IReadOnlyList<ConnectorState> ForStation(string stationId) =>
        [.. _states.Where(entry => entry.Key.StationId == stationId).Select(entry => entry.Value).OrderBy(s => s.EvseId).ThenBy(s => s.ConnectorId)];
}

public sealed record ConnectorState(int EvseId, int ConnectorId, string Status, DateTimeOffset Timestamp);
