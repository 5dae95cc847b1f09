using System.Collections.Concurrent;

namespace DrivePower.Csms.Stations;

/// <summary>The stations connected right now, one session per station id: the one that arrived last.</summary>
public sealed class StationConnections
{
    private readonly ConcurrentDictionary<string, StationSession> _sessions = new(StringComparer.Ordinal);
    private long _arrivals;

    /// <summary>
    /// The next arrival number, to be taken as a connection's upgrade arrives, before anything is awaited:
    /// connections then rank by arrival, not by how fast their setup (a database read) happened to finish.
    /// </summary>
    public long NextArrival() => Interlocked.Increment(ref _arrivals);

    /// <summary>
    /// Makes <paramref name="session"/> the station's current one unless a newer connection of the station
    /// is already registered. Returns the session that lost and must be closed: the older one it replaces,
    /// <paramref name="session"/> itself when it is the older, or null when the station had none.
    /// </summary>
    public StationSession? Register(StationSession session)
    {
        StationSession? loser = null;
        _sessions.AddOrUpdate(session.StationId, _ =>
        {
            loser = null; // an earlier attempt may have seen a session that is gone since
            return session;
        }, (_, previous) =>
        {
            var newer = previous.Arrival > session.Arrival ? previous : session;
            loser = ReferenceEquals(newer, session) ? previous : session;
            return newer;
        });
        return loser;
    }

    /// <summary>Removes the session unless a newer connection has already replaced it.</summary>
    public bool Unregister(StationSession session) =>
        _sessions.TryRemove(new KeyValuePair<string, StationSession>(session.StationId, session));

    public StationSession? Find(string stationId) => _sessions.GetValueOrDefault(stationId);

    public bool IsConnected(string stationId) => _sessions.ContainsKey(stationId);

    public int Count => _sessions.Count;

    public IReadOnlyCollection<StationSession> All => [.. _sessions.Values];
}
