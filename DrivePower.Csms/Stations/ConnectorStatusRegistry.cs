using System.Collections.Concurrent;

namespace DrivePower.Csms.Stations;

/// <summary>The latest known status of every connector, in memory (the database holds the same, durably).</summary>
public sealed class ConnectorStatusRegistry
{
    private readonly ConcurrentDictionary<(string StationId, int EvseId, int ConnectorId), ConnectorState> _states = new();

    /// <summary>Keeps the newer of the known and the reported state (by the station's timestamp).</summary>
    public void Update(string stationId, int evseId, int connectorId, string status, DateTimeOffset timestamp) =>
        // Static lambdas with the state as their argument: no closure and no delegate per status.
        _states.AddOrUpdate((stationId, evseId, connectorId),
            static (_, reported) => reported,
            static (_, previous, reported) => previous.Timestamp > reported.Timestamp ? previous : reported,
            new ConnectorState(evseId, connectorId, status, timestamp));

    public IReadOnlyList<ConnectorState> ForStation(string stationId) =>
        [.. _states.Where(entry => entry.Key.StationId == stationId).Select(entry => entry.Value).OrderBy(s => s.EvseId).ThenBy(s => s.ConnectorId)];
}

public sealed record ConnectorState(int EvseId, int ConnectorId, string Status, DateTimeOffset Timestamp);
