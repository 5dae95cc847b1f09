using System.Net.WebSockets;
using DrivePower.Csms.Configuration;
using DrivePower.Csms.Events;
using DrivePower.Csms.Handlers;
using DrivePower.Csms.Journal;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Connections;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Rpc;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Ocpp;

/// <summary>
/// Runs one accepted station WebSocket: wraps it in an OCPP RPC connection, makes it the station's
/// current session (closing any older one), and keeps it until either side closes.
/// </summary>
public sealed partial class StationConnectionHost(
    IServiceProvider services,
    StationConnections connections,
    IRegistrationHistory history,
    StationSessionGuard guards,
    LastSeenTracker lastSeen,
    StationEventHub events,
    MessageJournal journal,
    OcppRpcTelemetry telemetry,
    IOptions<CsmsOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    ILogger<StationConnectionHost> logger)
{
    private readonly Lazy<OcppHandlerRegistry> _handlers = new(() => CsmsHandlerRegistry.Create(services));

    // One of each for all connections, not one per connected station.
    private readonly OcppRpcOptions _rpcOptions = new()
    {
        CallTimeout = TimeSpan.FromSeconds(options.Value.CallTimeoutSeconds),
        MaxMessageSize = options.Value.MaxMessageSizeBytes,
        FrameObserver = journal.Observer,
    };

    private readonly Action<OcppRpcConnection> _markSeen = connection => lastSeen.Mark(connection.StationId);

    private static readonly Func<OcppCallContext, OcppError?> RefuseUntilAcceptedFilter = RefuseUntilAccepted;

    public TimeSpan KeepAliveInterval => TimeSpan.FromSeconds(options.Value.WebSocketKeepAliveSeconds);

    public CsmsOptions Options => options.Value;

    /// <summary>
    /// Runs the connection until it closes. <paramref name="arrival"/> is the connection's
    /// <see cref="StationConnections.NextArrival"/>, taken when its upgrade came in.
    /// </summary>
    public async Task RunAsync(string stationId, WebSocket socket, string subprotocol, long arrival, CancellationToken cancellationToken)
    {
        var connection = new OcppRpcConnection(socket, stationId, _handlers.Value, _rpcOptions, telemetry, loggerFactory);
        var session = new StationSession(stationId, connection, subprotocol, time.GetUtcNow(), arrival)
        {
            Accepted = await history.WasAcceptedAsync(stationId, cancellationToken),
        };
        connection.State = session;
        connection.CallFilter = RefuseUntilAcceptedFilter;
        connection.MessageReceived = _markSeen;

        var loser = connections.Register(session);
        if (ReferenceEquals(loser, session))
        {
            Log.ConnectionReplaced(logger, stationId, "this newly set up but older");
            await connection.CloseAsync(WebSocketCloseStatus.PolicyViolation, OcppCloseReasons.ReplacedByNewerConnection);
            await connection.DisposeAsync();
            return;
        }

        if (loser is not null)
            Log.ConnectionReplaced(logger, stationId, "the older");
        // Not awaited before serving: the old socket may be half-open, and its close waits for a reply.
        var closingLoser = loser?.Connection.CloseAsync(WebSocketCloseStatus.PolicyViolation, OcppCloseReasons.ReplacedByNewerConnection)
            ?? Task.CompletedTask;
        Log.Connected(logger, stationId, subprotocol, session.Accepted);
        events.Publish(new StationConnectedEvent(stationId, session.ConnectedAt, subprotocol));
        var closingForStop = guards.CloseIfStopping(session) ?? Task.CompletedTask;
        try
        {
            await connection.RunAsync(cancellationToken);
        }
        finally
        {
            await Task.WhenAll(closingForStop, closingLoser);
            await connection.DisposeAsync();
            if (connections.Unregister(session))
                events.Publish(new StationDisconnectedEvent(stationId, time.GetUtcNow()));
            Log.Disconnected(logger, stationId);
        }
    }

    // B01.FR.10 / B02.FR.09 / B03.FR.07: nothing but BootNotification before the station is Accepted.
    private static OcppError? RefuseUntilAccepted(OcppCallContext context) =>
        context.Action == "BootNotification" || context.Session().Accepted
            ? null
            : new OcppError(OcppErrorCode.SecurityError, "The station is not accepted yet: send BootNotification first.");

    private static partial class Log
    {
        [LoggerMessage(400, LogLevel.Information, "Station {StationId} connected ({Subprotocol}, accepted before: {Accepted})", EventName = "StationConnected")]
        public static partial void Connected(ILogger logger, string stationId, string subprotocol, bool accepted);

        [LoggerMessage(401, LogLevel.Information, "Station {StationId} disconnected", EventName = "StationDisconnected")]
        public static partial void Disconnected(ILogger logger, string stationId);

        [LoggerMessage(402, LogLevel.Warning, "Station {StationId} has two connections; {Which} connection is closed", EventName = "StationConnectionReplaced")]
        public static partial void ConnectionReplaced(ILogger logger, string stationId, string which);
    }
}
