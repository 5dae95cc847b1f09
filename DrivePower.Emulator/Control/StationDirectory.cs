using System.Collections.Concurrent;
using DrivePower.Emulator.Stations;

namespace DrivePower.Emulator.Control;

/// <summary>The stations this process runs, by id, for the control API.</summary>
internal sealed class StationDirectory
{
    private readonly ConcurrentDictionary<string, Station> _stations = new(StringComparer.Ordinal);

    public void Add(Station station) => _stations[station.Id] = station;

    public Station? Find(string id) => _stations.GetValueOrDefault(id);

    public IEnumerable<Station> All => _stations.Values.OrderBy(station => station.Id, StringComparer.Ordinal);
}
