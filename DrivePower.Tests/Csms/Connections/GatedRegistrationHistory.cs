using System.Collections.Concurrent;
using DrivePower.Csms.Stations;

namespace DrivePower.Tests.Csms.Connections;

/// <summary>
/// The CSMS's registration read, with the first read of each station held until the test opens its gate:
/// the first connection's setup then finishes after the second's, as a slow database query can make it.
/// </summary>
public sealed class GatedRegistrationHistory(IRegistrationHistory inner) : IRegistrationHistory
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public async Task<bool> WasAcceptedAsync(string stationId, CancellationToken cancellationToken)
    {
        var gate = GateOf(stationId);
        if (Interlocked.Exchange(ref gate.Used, 1) == 0)
        {
            gate.Reached.TrySetResult();
            await gate.Opened.Task.WaitAsync(cancellationToken);
        }

        return await inner.WasAcceptedAsync(stationId, cancellationToken);
    }

    /// <summary>Completes once the first read of <paramref name="stationId"/> is being held.</summary>
    public Task HeldAsync(string stationId) => GateOf(stationId).Reached.Task.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Lets the held first read of <paramref name="stationId"/> go on.</summary>
    public void Open(string stationId) => GateOf(stationId).Opened.TrySetResult();

    private Gate GateOf(string stationId) => _gates.GetOrAdd(stationId, _ => new Gate());

    private sealed class Gate
    {
        public readonly TaskCompletionSource Reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Used;
    }
}
