using Microsoft.Extensions.Logging;

namespace DrivePower.Ocpp.Rpc;

public sealed partial class OcppRpcConnection
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "{StationId} <= {Frame}", EventName = "FrameReceived")]
        public static partial void FrameReceived(ILogger logger, string stationId, string frame);

        [LoggerMessage(2, LogLevel.Information, "{StationId} => {Frame}", EventName = "FrameSent")]
        public static partial void FrameSent(ILogger logger, string stationId, string frame);

        [LoggerMessage(3, LogLevel.Warning, "{StationId}: malformed frame answered with {ErrorCode}: {Description}", EventName = "FrameRejected")]
        public static partial void FrameRejected(ILogger logger, string stationId, string errorCode, string description);

        [LoggerMessage(4, LogLevel.Warning, "{StationId}: malformed response dropped: {Problem}", EventName = "MalformedResponseDropped")]
        public static partial void MalformedResponseDropped(ILogger logger, string stationId, string problem);

        [LoggerMessage(5, LogLevel.Warning, "{StationId}: {FrameType} {MessageId} matches no CALL of ours; dropped", EventName = "UnmatchedResponseDropped")]
        public static partial void UnmatchedResponseDropped(ILogger logger, string stationId, string frameType, string messageId);

        [LoggerMessage(6, LogLevel.Error, "{StationId}: handler of {Action} ({MessageId}) failed; answered InternalError", EventName = "HandlerFailed")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string stationId, string action, string messageId);

        [LoggerMessage(7, LogLevel.Error, "{StationId}: refused to send an invalid {Action} payload: {Violations}", EventName = "InvalidOutboundPayload")]
        public static partial void InvalidOutboundPayload(ILogger logger, string stationId, string action, string violations);

        [LoggerMessage(8, LogLevel.Warning, "{StationId}: message larger than {MaxMessageSize} bytes; closing with 1009", EventName = "MessageTooBig")]
        public static partial void MessageTooBig(ILogger logger, string stationId, int maxMessageSize);

        [LoggerMessage(9, LogLevel.Information, "{StationId}: peer closed the connection ({CloseStatus} {CloseDescription})", EventName = "PeerClosed")]
        public static partial void PeerClosed(ILogger logger, string stationId, string closeStatus, string closeDescription);

        [LoggerMessage(10, LogLevel.Information, "{StationId}: connection lost: {Reason}", EventName = "ConnectionLost")]
        public static partial void ConnectionLost(ILogger logger, string stationId, string reason);

        [LoggerMessage(11, LogLevel.Warning, "{StationId}: the answer to {Action} ({MessageId}) could not be sent: the connection closed", EventName = "AnswerLost")]
        public static partial void AnswerLost(ILogger logger, string stationId, string action, string messageId);

        [LoggerMessage(13, LogLevel.Information, "{StationId}: late {FrameType} to {Action} ({MessageId}), which had timed out or been cancelled; dropped", EventName = "LateResponseDropped")]
        public static partial void LateResponseDropped(ILogger logger, string stationId, string frameType, string action, string messageId);

        [LoggerMessage(12, LogLevel.Error, "{StationId}: work deferred until after an answer failed", EventName = "AfterAnswerFailed")]
        public static partial void AfterAnswerFailed(ILogger logger, Exception exception, string stationId);

        [LoggerMessage(14, LogLevel.Warning, "{StationId}: {MaxQueuedCalls} CALLs are waiting for an answer; the socket is not read until one is answered", EventName = "InboundQueueFull")]
        public static partial void InboundQueueFull(ILogger logger, string stationId, int maxQueuedCalls);

        [LoggerMessage(15, LogLevel.Error, "{StationId}: answering {Action} ({MessageId}) failed", EventName = "AnswerFailed")]
        public static partial void AnswerFailed(ILogger logger, Exception exception, string stationId, string action, string messageId);

        [LoggerMessage(16, LogLevel.Warning, "{StationId}: a send took longer than {SendTimeoutSeconds} s; the connection is aborted", EventName = "SendTimedOut")]
        public static partial void SendTimedOut(ILogger logger, string stationId, double sendTimeoutSeconds);

        [LoggerMessage(17, LogLevel.Information, "{StationId}: the {ErrorCode} answer to a malformed frame was not sent: the connection is closing", EventName = "RejectionLost")]
        public static partial void RejectionLost(ILogger logger, string stationId, string errorCode);

        [LoggerMessage(18, LogLevel.Warning, "{StationId}: the frame observer failed; the frame goes on regardless", EventName = "FrameObserverFailed")]
        public static partial void FrameObserverFailed(ILogger logger, Exception exception, string stationId);
    }
}
