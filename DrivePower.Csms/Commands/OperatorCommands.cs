using System.Diagnostics;
using System.Text.Json;
using DrivePower.Csms.Events;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Rpc;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Csms.Commands;

/// <summary>
/// Sends operator commands (OCPP CALLs of <see cref="CommandCatalog"/>) to connected stations: the one
/// way the operator API and the web console do it. The request is checked against the action's schema
/// before anything is sent; every way the call can end is an outcome, not an exception (only the
/// caller's own cancellation throws). A command sent is published as <see cref="CommandSentEvent"/> and
/// its end as <see cref="CommandAnsweredEvent"/>. Thread-safe; a station's CALLs still go one at a time.
/// </summary>
public sealed class OperatorCommands(StationConnections connections, CommandEffects effects, StationEventHub events, TimeProvider time)
{
    /// <summary>Sends <paramref name="payload"/> as a <paramref name="action"/> CALL to the station and reports how it ended.</summary>
    public async Task<CommandOutcome> SendAsync(string stationId, string action, JsonElement payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stationId);
        ArgumentNullException.ThrowIfNull(action);
        if (CommandCatalog.Find(action) is not { } command)
            return UnknownAction(stationId, action);

        var violations = command.Ocpp.ValidateRequest(payload);
        if (violations.Count > 0)
            return InvalidRequest(stationId, action, violations);

        if (connections.Find(stationId) is not { } session)
            return new CommandOutcome(stationId, action, CommandStatus.NotConnected,
                $"Station {OcppText.Quote(stationId)} is not connected: the command can't be sent.");

        events.Publish(new CommandSentEvent(stationId, time.GetUtcNow(), action));
        var outcome = await CallAsync(session.Connection, stationId, action, payload, cancellationToken);
        if (outcome is { Status: CommandStatus.Answered, Response: { } response })
            outcome = await RecordEffectAsync(outcome, payload, response, cancellationToken);
        events.Publish(new CommandAnsweredEvent(stationId, time.GetUtcNow(), action, outcome.Status.ToString(), outcome.Error?.ErrorCode,
            outcome.RoundTrip!.Value.TotalMilliseconds));
        return outcome;
    }

    /// <summary>The station applied the command: the CSMS stores what it changed (a failure to store is said, not thrown).</summary>
    private async Task<CommandOutcome> RecordEffectAsync(CommandOutcome outcome, JsonElement request, JsonElement response, CancellationToken cancellationToken)
    {
        try
        {
            return outcome with { StoredChanges = await effects.RecordAsync(outcome.StationId, outcome.Action, request, response, cancellationToken) };
        }
        catch (Data.StorageException exception)
        {
            var failure = $"The station answered {outcome.Action}, but the CSMS could not store what it changed: {exception.Message}";
            return outcome with { Detail = failure, StoreFailure = failure };
        }
    }

    private static async Task<CommandOutcome> CallAsync(
        OcppRpcConnection connection, string stationId, string action, JsonElement payload, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await connection.CallAsync(action, payload, cancellationToken);
            return new CommandOutcome(stationId, action, CommandStatus.Answered, $"The station answered {action}.")
            {
                Response = response,
                RoundTrip = Stopwatch.GetElapsedTime(started),
            };
        }
        catch (Exception exception) when (Failed(exception, stationId, action) is { } failed)
        {
            return failed with { RoundTrip = Stopwatch.GetElapsedTime(started) };
        }
    }

    /// <summary>The outcome of an action that is not a command; the detail names the commands there are.</summary>
    public static CommandOutcome UnknownAction(string stationId, string action) =>
        new(stationId, action, CommandStatus.UnknownAction,
            $"{OcppText.Quote(action)} is not a command an operator can send. Allowed (exact case): {string.Join(", ", CommandCatalog.Names)}.");

    /// <summary>The outcome of a request that breaks the action's schema: nothing is sent.</summary>
    public static CommandOutcome InvalidRequest(string stationId, string action, IReadOnlyList<OcppViolation> violations) =>
        new(stationId, action, CommandStatus.InvalidRequest, "The body is not a valid request payload for this action; nothing was sent.")
        {
            Violations = violations,
        };

    /// <summary>The outcome a failed CALL ends in; null for a failure that is a bug of ours (left to throw).</summary>
    internal static CommandOutcome? Failed(Exception exception, string stationId, string action) => exception switch
    {
        OcppValidationException { Outbound: true } invalid => InvalidRequest(stationId, action, invalid.Violations),
        OcppValidationException invalid => new(stationId, action, CommandStatus.InvalidResponse,
            $"The station's {action} response breaks the OCPP schema.") { Violations = invalid.Violations },
        OcppCallErrorException error => new(stationId, action, CommandStatus.CallError,
            $"{OcppText.Quote(error.ErrorCode)}: {OcppText.Quote(error.Description)}")
        {
            Error = new CommandCallError(error.ErrorCode, error.Description, error.Details),
        },
        OcppCallTimeoutException timeout => new(stationId, action, CommandStatus.Timeout, timeout.Message),
        OcppSendTimeoutException => new(stationId, action, CommandStatus.SendTimeout,
            $"The {action} CALL could not be sent to station {OcppText.Quote(stationId)} in time; its connection is closed and it may reconnect."),
        OcppConnectionClosedException => new(stationId, action, CommandStatus.ConnectionClosed,
            $"The connection of station {OcppText.Quote(stationId)} closed before it answered {action}."),
        _ => null,
    };
}
