namespace DrivePower.Csms.Journal;

/// <summary>Which way a journaled frame went.</summary>
public static class JournalDirection
{
    public const string StationToCsms = nameof(StationToCsms);
    public const string CsmsToStation = nameof(CsmsToStation);

    public static IReadOnlyList<string> All { get; } = [StationToCsms, CsmsToStation];
}

/// <summary>The OCPP-J frame types, as the journal names them; MALFORMED is a received frame that could not be parsed.</summary>
public static class JournalFrameType
{
    public const string Call = "CALL";
    public const string CallResult = "CALLRESULT";
    public const string CallError = "CALLERROR";
    public const string Malformed = "MALFORMED";
}

/// <summary>
/// One OCPP frame in or out of the CSMS. <see cref="Payload"/> is the payload's text as on the wire
/// (a CALLERROR's errorDetails; a MALFORMED frame's whole text); <see cref="Action"/> is the CALL's, and
/// on an answer the action of the CALL it answers when the connection knew it. <see cref="LinkedId"/>
/// and <see cref="RoundTripMs"/> pair a CALL with its answer (same station and message id, the other
/// direction, the nearest one): set by <see cref="JournalQueries"/>, null in the live stream.
/// </summary>
public sealed record JournalEntry(
    long Id, string StationId, string Direction, string FrameType, string? MessageId, string? Action,
    string Payload, string? ErrorCode, string? ErrorDescription, DateTimeOffset At)
{
    /// <summary>The answer of a CALL, or the CALL of an answer; null when none is stored.</summary>
    public long? LinkedId { get; init; }

    /// <summary>Milliseconds from the CALL to its answer, as the CSMS's clock saw both.</summary>
    public double? RoundTripMs { get; init; }

    /// <summary>A CALLERROR, or a frame that could not be parsed.</summary>
    public bool IsError => FrameType is JournalFrameType.CallError or JournalFrameType.Malformed;
}

/// <summary>One frame with the frame it is linked to (its answer, or its CALL).</summary>
public sealed record JournalEntryDetails(JournalEntry Entry, JournalEntry? Linked);

/// <summary>A page of the journal, newest first; <see cref="NextBefore"/> fetches the next (older) page, null at the end.</summary>
public sealed record JournalPage(IReadOnlyList<JournalEntry> Entries, long? NextBefore);

/// <summary>Which frames to list or stream; every set member must match.</summary>
public sealed record JournalFilter
{
    public string? StationId { get; init; }

    public string? Action { get; init; }

    /// <summary>One of <see cref="JournalDirection"/>.</summary>
    public string? Direction { get; init; }

    /// <summary>Only CALLERRORs and malformed frames.</summary>
    public bool ErrorsOnly { get; init; }

    /// <summary>From this time on (inclusive).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Before this time (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    public bool Matches(JournalEntry entry) =>
        (StationId is null || entry.StationId == StationId)
        && (Action is null || entry.Action == Action)
        && (Direction is null || entry.Direction == Direction)
        && (!ErrorsOnly || entry.IsError)
        && (From is null || entry.At >= From)
        && (To is null || entry.At < To);
}
