using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Connections;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Ocpp;

/// <summary>The stations' WebSocket endpoint, <c>/ocpp/{stationId}</c>.</summary>
public static partial class OcppEndpoint
{
    public static IEndpointRouteBuilder MapOcppEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/ocpp/{stationId}", ConnectAsync).ExcludeFromDescription().WithMetadata(StationConnectionMarker.Instance);
        endpoints.Map("/ocpp", MissingStationId).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// Whether the request is a station's connection: it passes none of the operator API's middleware
    /// (error pages, NUL check, operator authentication), each of which would otherwise hold its frame
    /// for the WebSocket's whole life, on every connected station.
    /// </summary>
    public static bool IsStationConnection(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<StationConnectionMarker>() is not null;

    private sealed class StationConnectionMarker
    {
        public static readonly StationConnectionMarker Instance = new();
    }

    private static ProblemHttpResult MissingStationId() =>
        TypedResults.Problem(StationIdentity.Problem(null), statusCode: StatusCodes.Status400BadRequest, title: "Invalid station id");

    private static async Task<IResult> ConnectAsync(
        HttpContext context, string stationId, StationConnectionHost host, StationConnections connections, StationSessionGuard guard,
        StationAuthentication authentication, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(typeof(OcppEndpoint).FullName!);
        if (guard.IsStopping)
        {
            Log.Refused(logger, stationId, "the CSMS is shutting down");
            return TypedResults.Problem("The CSMS is shutting down; connect again when it is back.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "CSMS shutting down");
        }

        if (StationIdentity.Problem(stationId) is { } problem)
        {
            Log.Refused(logger, stationId, problem);
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid station id");
        }

        if (authentication.Refusal(context, stationId) is { } refusal)
        {
            Log.Refused(logger, stationId, refusal.Reason);
            return refusal.Result;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            Log.Refused(logger, stationId, "not a WebSocket request");
            return TypedResults.Problem("This endpoint speaks OCPP-J over WebSocket: send a WebSocket upgrade request.",
                statusCode: StatusCodes.Status400BadRequest, title: "WebSocket upgrade required");
        }

        var subprotocol = OcppSubprotocols.Choose(context.WebSockets.WebSocketRequestedProtocols);
        if (subprotocol is null)
        {
            Log.Refused(logger, stationId, "no supported subprotocol offered");
            return TypedResults.Problem(
                $"Offer one of these WebSocket subprotocols (Sec-WebSocket-Protocol): {string.Join(", ", OcppSubprotocols.Supported)}.",
                statusCode: StatusCodes.Status400BadRequest, title: "Unsupported OCPP subprotocol");
        }

        // Taken before anything is awaited, so of two connections of one station the later arrival wins.
        var arrival = connections.NextArrival();
        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = subprotocol,
            KeepAliveInterval = host.KeepAliveInterval,
        });
        await host.RunAsync(stationId, socket, subprotocol, arrival, context.RequestAborted);
        return TypedResults.Empty;
    }

    private static partial class Log
    {
        [LoggerMessage(410, LogLevel.Warning, "Connection of station '{StationId}' refused: {Reason}", EventName = "StationConnectionRefused")]
        public static partial void Refused(ILogger logger, string stationId, string reason);
    }
}
