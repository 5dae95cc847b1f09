using System.Net.WebSockets;
using DrivePower.Csms.Configuration;
using DrivePower.Csms.Data;
using DrivePower.Csms.Events;
using DrivePower.Csms.Handlers;
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
    StationStore stations,
    LastSeenTracker lastSeen,
    StationEventHub events,
    OcppRpcTelemetry telemetry,
    IOptions<CsmsOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    ILogger<StationConnectionHost> logger)
{
    private readonly Lazy<OcppHandlerRegistry> _handlers = new(() => CsmsHandlerRegistry.Create(services));

    public TimeSpan KeepAliveInterval => TimeSpan.FromSeconds(options.Value.WebSocketKeepAliveSeconds);

    public CsmsOptions Options => options.Value;

    public async Task RunAsync(string stationId, WebSocket socket, string subprotocol, CancellationToken cancellationToken)
    {
        var rpcOptions = new OcppRpcOptions
        {
            CallTimeout = TimeSpan.FromSeconds(options.Value.CallTimeoutSeconds),
            MaxMessageSize = options.Value.MaxMessageSizeBytes,
        };
        var connection = new OcppRpcConnection(socket, stationId, _handlers.Value, rpcOptions, telemetry, loggerFactory);
        var session = new StationSession(stationId, connection, subprotocol, time.GetUtcNow())
        {
            Accepted = await WasAcceptedBeforeAsync(stationId, cancellationToken),
        };
        connection.State = session;
        connection.CallFilter = RefuseUntilAccepted;
        connection.MessageReceived = _ => lastSeen.Mark(stationId);

        if (connections.Register(session) is { } replaced)
        {
            Log.ConnectionReplaced(logger, stationId);
            await replaced.Connection.CloseAsync(WebSocketCloseStatus.PolicyViolation, OcppCloseReasons.ReplacedByNewerConnection);
        }

        Log.Connected(logger, stationId, subprotocol, session.Accepted);
        events.Publish(new StationConnectedEvent(stationId, session.ConnectedAt, subprotocol));
        try
        {
            await connection.RunAsync(cancellationToken);
        }
        finally
        {
            await connection.DisposeAsync();
            if (connections.Unregister(session))
                events.Publish(new StationDisconnectedEvent(stationId, time.GetUtcNow()));
            Log.Disconnected(logger, stationId);
        }
    }

    /// <summary>
    /// A station keeps its registration across reconnects: OCPP stations boot on power-up, not on
    /// every new connection. An unreadable database counts as "not yet accepted".
    /// </summary>
    private async Task<bool> WasAcceptedBeforeAsync(string stationId, CancellationToken cancellationToken)
    {
        try
        {
            return await stations.GetRegistrationStatusAsync(stationId, cancellationToken) == "Accepted";
        }
        catch (StorageUnavailableException)
        {
            return false;
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

        [LoggerMessage(402, LogLevel.Warning, "Station {StationId} connected again; the older connection is closed", EventName = "StationConnectionReplaced")]
        public static partial void ConnectionReplaced(ILogger logger, string stationId);
    }
}
