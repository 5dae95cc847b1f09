using System.Diagnostics;
using System.Text.Json;
using DrivePower.Csms.Apis;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Csms.WebConsole.Services;

/// <summary>
/// Sends an operator command from the console as the operator API does: the payload is checked against the action's
/// schema first (violations, nothing sent), then it is a CALL to the connected station, timed from send to answer.
/// </summary>
public sealed class ConsoleCommandSender(StationConnections connections, TimeProvider time)
{
    public async Task<CommandOutcome> SendAsync(string stationId, string action, JsonElement payload, CancellationToken cancellationToken)
    {
        var sentAt = time.GetUtcNow();
        if (!CommandsApi.Allowed.Contains(action, StringComparer.Ordinal) || OcppActions.Find(action) is not { } ocppAction)
            return CommandOutcome.Refused(sentAt, $"{action} is not a command an operator can send.");
        var violations = OcppPayloadValidator.Shared.Validate(ocppAction.Request, payload);
        if (violations.Count > 0)
            return CommandOutcome.Invalid(sentAt, violations);
        if (connections.Find(stationId) is not { } session)
            return CommandOutcome.Refused(sentAt, $"Station {stationId} is not connected: nothing was sent.");

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await session.Connection.CallAsync(action, payload, cancellationToken);
            return new CommandOutcome(CommandOutcomeKind.Answered, sentAt, Stopwatch.GetElapsedTime(started), response, null, null, [], null);
        }
        catch (OcppCallErrorException error)
        {
            return new CommandOutcome(CommandOutcomeKind.CallError, sentAt, Stopwatch.GetElapsedTime(started), null, error.ErrorCode, error.Description, [], null);
        }
        catch (OcppValidationException invalid) when (!invalid.Outbound)
        {
            return new CommandOutcome(CommandOutcomeKind.InvalidResponse, sentAt, Stopwatch.GetElapsedTime(started), null, null, null,
                [.. invalid.Violations.Select(CommandViolation.From)], "The station's response breaks the OCPP schema.");
        }
        catch (Exception exception) when (exception is OcppCallTimeoutException or OcppSendTimeoutException or OcppConnectionClosedException)
        {
            return new CommandOutcome(CommandOutcomeKind.NoAnswer, sentAt, Stopwatch.GetElapsedTime(started), null, null, null, [], exception.Message);
        }
    }
}

public enum CommandOutcomeKind
{
    /// <summary>The station answered with a CALLRESULT.</summary>
    Answered,

    /// <summary>The station answered with a CALLERROR.</summary>
    CallError,

    /// <summary>Nothing was sent: the payload breaks the schema.</summary>
    Invalid,

    /// <summary>Nothing was sent: not connected, or not a command.</summary>
    Refused,

    /// <summary>Sent, but no valid answer came: timeout, connection closed.</summary>
    NoAnswer,

    /// <summary>The station's CALLRESULT breaks the schema.</summary>
    InvalidResponse,
}

/// <summary>What became of one command: the response or the CALLERROR, and the round trip.</summary>
public sealed record CommandOutcome(
    CommandOutcomeKind Kind, DateTimeOffset SentAt, TimeSpan? RoundTrip, JsonElement? Response, string? ErrorCode, string? ErrorDescription,
    IReadOnlyList<CommandViolation> Violations, string? Message)
{
    public static CommandOutcome Refused(DateTimeOffset at, string message) => new(CommandOutcomeKind.Refused, at, null, null, null, null, [], message);

    public static CommandOutcome Invalid(DateTimeOffset at, IReadOnlyList<OcppViolation> violations) =>
        new(CommandOutcomeKind.Invalid, at, null, null, null, null, [.. violations.Select(CommandViolation.From)], "The payload breaks the action's schema; nothing was sent.");
}

/// <summary>One schema violation: the CALLERROR code it would get, the JSON path, what is wrong.</summary>
public sealed record CommandViolation(string Code, string Path, string Message)
{
    public static CommandViolation From(OcppViolation violation) => new(violation.Code.ToString(), violation.Path, violation.Message);
}
