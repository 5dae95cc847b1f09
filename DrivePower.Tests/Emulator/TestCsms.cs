using System.Collections.Concurrent;
using System.Net.WebSockets;
using DrivePower.Ocpp.Connections;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DrivePower.Tests.Emulator;

/// <summary>
/// A small in-test CSMS: Kestrel on 127.0.0.1, <c>/ocpp/{id}</c> accepting subprotocol ocpp2.0.1 and
/// speaking through <see cref="OcppRpcConnection"/>. It records every CALL a station sends, answers
/// BootNotification as <see cref="BootAnswer"/> says, and can send commands to a connected station.
/// </summary>
internal sealed class TestCsms : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, OcppRpcConnection> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _connectCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Message> _received = new();

    /// <summary>One CALL from a station, as the CSMS got it.</summary>
    public sealed record Message(string StationId, string Action, object Request, DateTimeOffset At);

    private TestCsms(WebApplication app) => _app = app;

    /// <summary>Decides the answer to a station's n-th BootNotification (1-based); Accepted with interval 60 by default.</summary>
    public Func<string, int, BootNotificationResponse> BootAnswer { get; set; } = (_, _) => Boot(RegistrationStatus.Accepted, 60);

    /// <summary>The answer to Authorize; Accepted by default.</summary>
    public AuthorizationStatus AuthorizeStatus { get; set; } = AuthorizationStatus.Accepted;

    /// <summary>The groupIdToken Authorize answers with, if any.</summary>
    public IdToken? AuthorizeGroup { get; set; }

    /// <summary>A TransactionEvent for which this says true is answered CALLERROR InternalError (recorded in <see cref="Refused"/>).</summary>
    public Func<TransactionEventRequest, bool> RefuseTransactionEvent { get; set; } = _ => false;

    /// <summary>While true, Authorize is answered CALLERROR InternalError, as a CSMS without its database does.</summary>
    public bool RefuseAuthorize { get; set; }

    /// <summary>The CALLs answered with a CALLERROR because of <see cref="RefuseTransactionEvent"/> or <see cref="RefuseAuthorize"/>.</summary>
    public ConcurrentQueue<Message> Refused { get; } = new();

    /// <summary>While true, WebSocket upgrades are answered 503 (the CSMS is "down").</summary>
    public bool RefuseConnections { get; set; }

    /// <summary>The subprotocol the endpoint picks; null picks none (a misconfigured CSMS).</summary>
    public string? Subprotocol { get; set; } = "ocpp2.0.1";

    /// <summary>The Authorization headers the stations sent, by station.</summary>
    public ConcurrentDictionary<string, string?> AuthorizationHeaders { get; } = new(StringComparer.Ordinal);

    /// <summary>How each station's last connection closed (null: without a close handshake).</summary>
    public ConcurrentDictionary<string, WebSocketCloseStatus?> CloseStatuses { get; } = new(StringComparer.Ordinal);

    public Uri OcppUrl => new($"ws://127.0.0.1:{new Uri(_app.Urls.First()).Port}/ocpp");

    public Uri HttpUrl => new(_app.Urls.First());

    public static BootNotificationResponse Boot(RegistrationStatus status, int interval) =>
        new() { Status = status, Interval = interval, CurrentTime = DateTimeOffset.UtcNow };

    public static async Task<TestCsms> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var csms = new TestCsms(app);
        app.UseWebSockets();
        app.Map("/ocpp/{id}", (Func<HttpContext, string, Task>)csms.AcceptAsync);
        await app.StartAsync();
        return csms;
    }

    private async Task AcceptAsync(HttpContext context, string id)
    {
        if (!context.WebSockets.IsWebSocketRequest || RefuseConnections)
        {
            context.Response.StatusCode = RefuseConnections ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest;
            return;
        }

        AuthorizationHeaders[id] = context.Request.Headers.Authorization.FirstOrDefault();
        var socket = await context.WebSockets.AcceptWebSocketAsync(Subprotocol);
        var bootCount = 0;
        var handlers = new OcppHandlerRegistry()
            .On<BootNotificationRequest, BootNotificationResponse>((_, request, _) =>
                Record(id, "BootNotification", request, BootAnswer(id, Interlocked.Increment(ref bootCount))))
            .On<HeartbeatRequest, HeartbeatResponse>((_, request, _) =>
                Record(id, "Heartbeat", request, new HeartbeatResponse { CurrentTime = DateTimeOffset.UtcNow }))
            .On<StatusNotificationRequest, StatusNotificationResponse>((_, request, _) =>
                Record(id, "StatusNotification", request, new StatusNotificationResponse()))
            .On<TransactionEventRequest, TransactionEventResponse>((_, request, _) =>
                RefuseTransactionEvent(request)
                    ? Refuse<TransactionEventResponse>(id, "TransactionEvent", request)
                    : Record(id, "TransactionEvent", request, new TransactionEventResponse()))
            .On<MeterValuesRequest, MeterValuesResponse>((_, request, _) =>
                Record(id, "MeterValues", request, new MeterValuesResponse()))
            .On<NotifyReportRequest, NotifyReportResponse>((_, request, _) =>
                Record(id, "NotifyReport", request, new NotifyReportResponse()))
            .On<ReportChargingProfilesRequest, ReportChargingProfilesResponse>((_, request, _) =>
                Record(id, "ReportChargingProfiles", request, new ReportChargingProfilesResponse()))
            .On<NotifyDisplayMessagesRequest, NotifyDisplayMessagesResponse>((_, request, _) =>
                Record(id, "NotifyDisplayMessages", request, new NotifyDisplayMessagesResponse()))
            .On<ReservationStatusUpdateRequest, ReservationStatusUpdateResponse>((_, request, _) =>
                Record(id, "ReservationStatusUpdate", request, new ReservationStatusUpdateResponse()))
            .On<LogStatusNotificationRequest, LogStatusNotificationResponse>((_, request, _) =>
                Record(id, "LogStatusNotification", request, new LogStatusNotificationResponse()))
            .On<NotifyEventRequest, NotifyEventResponse>((_, request, _) =>
                Record(id, "NotifyEvent", request, new NotifyEventResponse()))
            .On<NotifyMonitoringReportRequest, NotifyMonitoringReportResponse>((_, request, _) =>
                Record(id, "NotifyMonitoringReport", request, new NotifyMonitoringReportResponse()))
            .On<AuthorizeRequest, AuthorizeResponse>((_, request, _) =>
                RefuseAuthorize
                    ? Refuse<AuthorizeResponse>(id, "Authorize", request)
                    : Record(id, "Authorize", request, new AuthorizeResponse { IdTokenInfo = new IdTokenInfo { Status = AuthorizeStatus, GroupIdToken = AuthorizeGroup } }));
        await using var connection = new OcppRpcConnection(socket, id, handlers);
        _connections[id] = connection;
        _connectCounts.AddOrUpdate(id, 1, (_, count) => count + 1);
        try
        {
            await connection.RunAsync(context.RequestAborted);
        }
        finally
        {
            _connections.TryRemove(new KeyValuePair<string, OcppRpcConnection>(id, connection));
            CloseStatuses[id] = socket.CloseStatus;
        }
    }

    private ValueTask<TResponse> Record<TResponse>(string stationId, string action, object request, TResponse response)
    {
        _received.Enqueue(new Message(stationId, action, request, DateTimeOffset.UtcNow));
        return ValueTask.FromResult(response);
    }

    private ValueTask<TResponse> Refuse<TResponse>(string stationId, string action, object request)
    {
        Refused.Enqueue(new Message(stationId, action, request, DateTimeOffset.UtcNow));
        throw new OcppCallErrorException(OcppErrorCode.InternalError, "The test CSMS refuses it.");
    }

    public int ConnectCount(string stationId) => _connectCounts.GetValueOrDefault(stationId);

    public bool IsConnected(string stationId) => _connections.ContainsKey(stationId);

    public IReadOnlyList<Message> All(string stationId) => [.. _received.Where(message => message.StationId == stationId)];

    public IReadOnlyList<T> Received<T>(string stationId) =>
        [.. _received.Where(message => message.StationId == stationId).Select(message => message.Request).OfType<T>()];

    /// <summary>Waits until the station has sent a <typeparamref name="T"/> matching the predicate (after <paramref name="skip"/> earlier ones).</summary>
    public async Task<T> WaitForAsync<T>(string stationId, Func<T, bool>? predicate = null, TimeSpan? timeout = null, int skip = 0)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var match = Received<T>(stationId).Skip(skip).FirstOrDefault(message => predicate?.Invoke(message) ?? true);
            if (match is not null)
                return match;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"{stationId} sent no matching {typeof(T).Name}; it sent: {string.Join(", ", All(stationId).Select(m => m.Action))}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting until {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>Sends a command to the connected station and returns its answer.</summary>
    public async Task<TResponse> SendAsync<TResponse>(string stationId, IOcppRequest<TResponse> request)
        where TResponse : IOcppResponse
    {
        await WaitUntilAsync(() => IsConnected(stationId), $"{stationId} is connected");
        return await _connections[stationId].CallAsync(request);
    }

    /// <summary>Kills the station's connection without a close handshake, as a network failure would.</summary>
    public async Task DropAsync(string stationId)
    {
        if (_connections.TryGetValue(stationId, out var connection))
            await connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "Dropped by the test");
    }

    /// <summary>Closes the station's connection as the CSMS does when a newer one with the same id arrives.</summary>
    public async Task ReplaceAsync(string stationId)
    {
        if (_connections.TryGetValue(stationId, out var connection))
            await connection.CloseAsync(WebSocketCloseStatus.PolicyViolation, OcppCloseReasons.ReplacedByNewerConnection);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
