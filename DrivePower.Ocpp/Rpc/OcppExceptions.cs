using System.Text.Json;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Ocpp.Rpc;

/// <summary>
/// A CALLERROR: thrown by <see cref="OcppRpcConnection.CallAsync(string, JsonElement, CancellationToken)"/>
/// when the peer answers with one, and thrown by a handler to answer its CALL with one.
/// </summary>
public sealed class OcppCallErrorException(string errorCode, string description, JsonElement? details = null)
    : Exception($"{errorCode}: {description}")
{
    public OcppCallErrorException(OcppErrorCode code, string description)
        : this(code.ToString(), description)
    {
    }

    /// <summary>The error code as sent on the wire (a peer may send codes this library does not know).</summary>
    public string ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public JsonElement Details { get; } = details ?? CallErrorFrame.EmptyObject;
}

/// <summary>An outbound CALL got no answer within the timeout.</summary>
public sealed class OcppCallTimeoutException(string action, TimeSpan timeout)
    : TimeoutException($"{action} got no answer within {timeout.TotalSeconds:0.###} s.")
{
    public string Action { get; } = action;
}

/// <summary>The connection closed before the CALL was answered, or was already closed.</summary>
public sealed class OcppConnectionClosedException(string stationId)
    : Exception($"The OCPP connection of {stationId} is closed.");

/// <summary>A payload that breaks its action's schema: ours before sending (nothing was sent), or a peer's response.</summary>
public sealed class OcppValidationException(string action, bool outbound, IReadOnlyList<OcppViolation> violations)
    : Exception($"{(outbound ? "Outbound" : "Inbound")} {action} payload is invalid: {string.Join("; ", violations.Select(v => v.Description))}")
{
    public string Action { get; } = action;

    public bool Outbound { get; } = outbound;

    public IReadOnlyList<OcppViolation> Violations { get; } = violations;
}

/// <summary>
/// A frame could not be written within the send timeout: the peer stopped reading. The connection is
/// considered dead and is aborted; a CALL that was sending was not delivered.
/// </summary>
public sealed class OcppSendTimeoutException(string stationId, TimeSpan timeout)
    : TimeoutException($"Sending to {stationId} took longer than {timeout.TotalSeconds:0.###} s; the connection is aborted.")
{
    public string StationId { get; } = stationId;
}
