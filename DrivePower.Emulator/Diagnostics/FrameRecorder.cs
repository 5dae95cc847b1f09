using System.Collections.Concurrent;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Diagnostics;

/// <summary>Sees every station connection's frames (one observer for the process) and keeps them in each station's ring.</summary>
internal sealed class FrameRecorder(TimeProvider time) : IOcppFrameObserver
{
    private readonly ConcurrentDictionary<string, FrameRing> _rings = new(StringComparer.Ordinal);

    public FrameRing For(string stationId) => _rings.GetOrAdd(stationId, _ => new FrameRing());

    public void OnFrame(in OcppObservedFrame frame, ReadOnlySpan<byte> utf8)
    {
        var action = frame.Frame is CallFrame call ? call.Action : frame.Action;
        For(frame.StationId).Add(time.GetUtcNow(), frame.Direction, action, utf8);
    }
}
