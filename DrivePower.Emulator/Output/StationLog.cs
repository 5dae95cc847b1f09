using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Output;

/// <summary>Each step a station takes, one readable line each, under <see cref="Category"/>.</summary>
internal static partial class StationLog
{
    public const string Category = "DrivePower.Emulator.Stations";

    [LoggerMessage(100, LogLevel.Information, "Starting {Count} station(s) against {CsmsUrl} (scenario {Scenario})", EventName = "Starting")]
    public static partial void Starting(ILogger logger, int count, Uri csmsUrl, string scenario);

    [LoggerMessage(101, LogLevel.Information, "{StationId}: connecting to {Url}", EventName = "Connecting")]
    public static partial void Connecting(ILogger logger, string stationId, Uri url);

    [LoggerMessage(102, LogLevel.Information, "{StationId}: connected (subprotocol {Subprotocol})", EventName = "Connected")]
    public static partial void Connected(ILogger logger, string stationId, string subprotocol);

    [LoggerMessage(103, LogLevel.Warning, "{StationId}: could not connect: {Reason}", EventName = "ConnectFailed")]
    public static partial void ConnectFailed(ILogger logger, string stationId, string reason);

    [LoggerMessage(104, LogLevel.Error, "{StationId}: the CSMS accepted none of the offered subprotocols (ocpp2.0.1, ocpp2.0); closing", EventName = "NoSubprotocol")]
    public static partial void NoSubprotocol(ILogger logger, string stationId);

    [LoggerMessage(105, LogLevel.Information, "{StationId}: disconnected", EventName = "Disconnected")]
    public static partial void Disconnected(ILogger logger, string stationId);

    [LoggerMessage(106, LogLevel.Information, "{StationId}: reconnect in {Seconds:0.0} s", EventName = "Reconnecting")]
    public static partial void Reconnecting(ILogger logger, string stationId, double seconds);

    [LoggerMessage(121, LogLevel.Warning, "{StationId}: replaced by a newer connection: another connection with this station id exists (a second station or emulator with the same id?); reconnect in {Seconds:0.0} s", EventName = "ReplacedByAnotherConnection")]
    public static partial void Replaced(ILogger logger, string stationId, double seconds);

    [LoggerMessage(107, LogLevel.Information, "{StationId}: booted: {Status}, interval {Interval} s (reason {Reason})", EventName = "Booted")]
    public static partial void Booted(ILogger logger, string stationId, RegistrationStatus status, int interval, BootReason reason);

    [LoggerMessage(108, LogLevel.Information, "{StationId}: not accepted yet; BootNotification again in {Seconds} s", EventName = "BootRetry")]
    public static partial void BootRetry(ILogger logger, string stationId, int seconds);

    [LoggerMessage(109, LogLevel.Information, "{StationId}: heartbeat (CSMS time {CurrentTime:O})", EventName = "Heartbeat")]
    public static partial void Heartbeat(ILogger logger, string stationId, DateTimeOffset currentTime);

    [LoggerMessage(110, LogLevel.Information, "{StationId}: EVSE {EvseId} connector {ConnectorId} is {Status}", EventName = "StatusChanged")]
    public static partial void StatusChanged(ILogger logger, string stationId, int evseId, int connectorId, ConnectorStatus status);

    [LoggerMessage(111, LogLevel.Information, "{StationId}: transaction {TransactionId} started on EVSE {EvseId} ({TriggerReason})", EventName = "TransactionStarted")]
    public static partial void TransactionStarted(ILogger logger, string stationId, string transactionId, int evseId, TriggerReason triggerReason);

    [LoggerMessage(112, LogLevel.Information, "{StationId}: transaction {TransactionId} #{SeqNo} {TriggerReason}: {EnergyWh:0} Wh, {PowerW:0} W", EventName = "TransactionUpdated")]
    public static partial void TransactionUpdated(ILogger logger, string stationId, string transactionId, int seqNo, TriggerReason triggerReason, decimal energyWh, decimal powerW);

    [LoggerMessage(113, LogLevel.Information, "{StationId}: transaction {TransactionId} ended ({StoppedReason}): {DeliveredWh:0} Wh delivered, meter at {RegisterWh:0} Wh", EventName = "TransactionEnded")]
    public static partial void TransactionEnded(ILogger logger, string stationId, string transactionId, StoppedReason stoppedReason, decimal deliveredWh, decimal registerWh);

    [LoggerMessage(120, LogLevel.Information, "{StationId}: {Action} not sent: the connection is closed", EventName = "CallSkipped")]
    public static partial void CallSkipped(ILogger logger, string stationId, string action);

    [LoggerMessage(119, LogLevel.Information, "Stopping: every station closes its connection (NormalClosure)", EventName = "Stopping")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(114, LogLevel.Information, "{StationId}: command {Action} received: {Detail}", EventName = "CommandReceived")]
    public static partial void CommandReceived(ILogger logger, string stationId, string action, string detail);

    [LoggerMessage(115, LogLevel.Warning, "{StationId}: {Action} failed: {Reason}", EventName = "CallFailed")]
    public static partial void CallFailed(ILogger logger, string stationId, string action, string reason);

    [LoggerMessage(116, LogLevel.Information, "{StationId}: resetting ({ResetType}): closing the connection to boot again", EventName = "Resetting")]
    public static partial void Resetting(ILogger logger, string stationId, ResetType resetType);

    [LoggerMessage(117, LogLevel.Information, "{StationId}: idToken {IdToken} authorization {Status}", EventName = "Authorized")]
    public static partial void Authorized(ILogger logger, string stationId, string idToken, AuthorizationStatus status);

    [LoggerMessage(118, LogLevel.Error, "{StationId}: station loop failed", EventName = "StationFailed")]
    public static partial void StationFailed(ILogger logger, Exception exception, string stationId);

    [LoggerMessage(122, LogLevel.Information, "{StationId}: firmware update {RequestId}: {Status}", EventName = "FirmwareStatus")]
    public static partial void FirmwareStatus(ILogger logger, string stationId, int requestId, FirmwareStatus status);
}
