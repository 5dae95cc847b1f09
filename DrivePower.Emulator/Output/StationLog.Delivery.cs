using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Output;

/// <summary>Reliable delivery of transaction messages, offline authorization and the clean stop.</summary>
internal static partial class StationLog
{
    [LoggerMessage(160, LogLevel.Warning, "{StationId}: {Action} for {Subject} failed (attempt {Attempt} of {Attempts}): {Reason}; sending it again in {Seconds:0.#} s", EventName = "DeliveryRetrying")]
    public static partial void DeliveryRetrying(ILogger logger, string stationId, string action, string subject, int attempt, int attempts, double seconds, string reason);

    [LoggerMessage(161, LogLevel.Warning, "{StationId}: gave up {Action} for {Subject} after {Attempts} attempt(s): {Reason}; the CSMS will not have it", EventName = "DeliveryGivenUp")]
    public static partial void DeliveryGivenUp(ILogger logger, string stationId, string action, string subject, int attempts, string reason);

    [LoggerMessage(162, LogLevel.Warning, "{StationId}: idToken {IdToken} could not be authorized by the CSMS; offline rules say {Status} ({Rule})", EventName = "AuthorizedOffline")]
    public static partial void AuthorizedOffline(ILogger logger, string stationId, string idToken, AuthorizationStatus status, string rule);

    [LoggerMessage(163, LogLevel.Information, "{StationId}: switched off: {Count} transaction(s) ended (PowerLoss)", EventName = "SwitchedOff")]
    public static partial void SwitchedOff(ILogger logger, string stationId, int count);

    [LoggerMessage(164, LogLevel.Warning, "{StationId}: stopping with transaction events the CSMS has not received (not connected, or out of time)", EventName = "SwitchOffUndelivered")]
    public static partial void SwitchOffUndelivered(ILogger logger, string stationId);
}
