using System.Text;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Diagnostics;

/// <summary>One OCPP frame a station sent or received, as kept for its diagnostics log.</summary>
internal readonly record struct RecordedFrame(DateTimeOffset At, OcppFrameDirection Direction, string? Action, string Text);

/// <summary>
/// A station's most recent OCPP frames, oldest dropped first once <see cref="Capacity"/> are kept, so a
/// long-running station's memory stays bounded. Thread-safe: frames arrive on the connection's path.
/// </summary>
internal sealed class FrameRing
{
    public const int Capacity = 500;

    // A frame longer than this is cut: a log needs what happened, not every meter value of a big payload.
    private const int MaxFrameChars = 2000;

    private readonly Lock _sync = new();
    private readonly Queue<RecordedFrame> _frames = new();

    public void Add(DateTimeOffset at, OcppFrameDirection direction, string? action, ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8.Length > MaxFrameChars * 4 ? utf8[..(MaxFrameChars * 4)] : utf8);
        if (text.Length > MaxFrameChars)
            text = text[..MaxFrameChars] + "…";
        lock (_sync)
        {
            if (_frames.Count == Capacity)
                _frames.Dequeue();
            _frames.Enqueue(new RecordedFrame(at, direction, action, text));
        }
    }

    /// <summary>The frames kept between the two times (either open), oldest first.</summary>
    public List<RecordedFrame> Between(DateTimeOffset? oldest, DateTimeOffset? latest)
    {
        lock (_sync)
            return [.. _frames.Where(frame => (oldest is null || frame.At >= oldest) && (latest is null || frame.At <= latest))];
    }
}
