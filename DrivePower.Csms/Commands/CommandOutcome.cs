using System.Text.Json;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Csms.Commands;

/// <summary>How an operator command ended.</summary>
public enum CommandStatus
{
    /// <summary>The station answered with a CALLRESULT; <see cref="CommandOutcome.Response"/> holds it.</summary>
    Answered,

    /// <summary>The action is not a command (<see cref="CommandCatalog"/>); nothing was sent.</summary>
    UnknownAction,

    /// <summary>The request breaks the action's schema (<see cref="CommandOutcome.Violations"/>); nothing was sent.</summary>
    InvalidRequest,

    /// <summary>The station is not connected; nothing was sent.</summary>
    NotConnected,

    /// <summary>The station answered with a CALLERROR (<see cref="CommandOutcome.Error"/>).</summary>
    CallError,

    /// <summary>The station's CALLRESULT breaks the response schema (<see cref="CommandOutcome.Violations"/>).</summary>
    InvalidResponse,

    /// <summary>No answer within the call timeout (<c>Csms:CallTimeoutSeconds</c>).</summary>
    Timeout,

    /// <summary>The CALL could not be written in time: the station stopped reading and its connection was aborted.</summary>
    SendTimeout,

    /// <summary>The station's connection closed before it answered.</summary>
    ConnectionClosed,
}

/// <summary>A station's CALLERROR, as it sent it.</summary>
public sealed record CommandCallError(string ErrorCode, string ErrorDescription, JsonElement ErrorDetails);

/// <summary>
/// What became of one operator command: <see cref="Status"/>, a one-line <see cref="Detail"/> fit to
/// show an operator (peer text quoted through <c>OcppText.Quote</c>), and what goes with the status.
/// </summary>
public sealed record CommandOutcome(string StationId, string Action, CommandStatus Status, string Detail)
{
    /// <summary>The station's CALLRESULT payload, when <see cref="CommandStatus.Answered"/>.</summary>
    public JsonElement? Response { get; init; }

    /// <summary>Schema violations of the request (<see cref="CommandStatus.InvalidRequest"/>) or response (<see cref="CommandStatus.InvalidResponse"/>).</summary>
    public IReadOnlyList<OcppViolation> Violations { get; init; } = [];

    /// <summary>The station's CALLERROR (<see cref="CommandStatus.CallError"/>).</summary>
    public CommandCallError? Error { get; init; }

    /// <summary>
    /// What the CSMS stored of the answered command (<see cref="CommandEffects"/>): for ClearChargingProfile how
    /// many stored profiles were removed; for the other commands with an effect 1 when the station applied it.
    /// </summary>
    public int StoredChanges { get; init; }

    /// <summary>The station answered, but what it changed could not be stored: why (null when stored or nothing to store).</summary>
    public string? StoreFailure { get; init; }

    /// <summary>From the CALL's start to its end (answer, error or failure); null when nothing was sent.</summary>
    public TimeSpan? RoundTrip { get; init; }

    /// <summary>True when the station answered with a valid CALLRESULT.</summary>
    public bool Succeeded => Status == CommandStatus.Answered;
}
