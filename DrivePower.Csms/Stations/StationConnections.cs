using System.Collections.Concurrent;

namespace DrivePower.Csms.Stations;

/// <summary>The stations connected right now, one session per station id.</summary>
public sealed class StationConnections
{
    private readonly ConcurrentDictionary<string, StationSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="session"/> the station's current one and returns the one it replaces, if any.</summary>
    public StationSession? Register(StationSession session)
    {
        StationSession? replaced = null;
        _sessions.AddOrUpdate(session.StationId, session, (_, previous) =>
        {
            replaced = previous;
            return session;
        });
        return replaced;
    }

    /// <summary>Removes the session unless a newer connection has already replaced it.</summary>
    public bool Unregister(StationSession session) =>
        _sessions.TryRemove(new KeyValuePair<string, StationSession>(session.StationId, session));

    public StationSession? Find(string stationId) => _sessions.GetValueOrDefault(stationId);

    public bool IsConnected(string stationId) => _sessions.ContainsKey(stationId);

    public int Count => _sessions.Count;

    public IReadOnlyCollection<StationSession> All => [.. _sessions.Values];
}
