using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DrivePower.Benchmarks.Scale;

/// <summary>
/// A CSMS that only answers (Boot Accepted with a long heartbeat interval, statuses, heartbeats) and
/// counts, so that the emulator's stations go idle once booted and reported.
/// </summary>
internal sealed class AnsweringCsms : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _booted;
    private int _statuses;

    private AnsweringCsms(WebApplication app) => _app = app;

    public int Booted => Volatile.Read(ref _booted);

    public int Statuses => Volatile.Read(ref _statuses);

    public Uri OcppUrl => new($"ws://127.0.0.1:{new Uri(_app.Urls.First()).Port}/ocpp");

    public static async Task<AnsweringCsms> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var csms = new AnsweringCsms(app);
        var handlers = new OcppHandlerRegistry()
            .On<BootNotificationRequest, BootNotificationResponse>((_, _, _) =>
            {
                Interlocked.Increment(ref csms._booted);
                return ValueTask.FromResult(new BootNotificationResponse { Status = RegistrationStatus.Accepted, Interval = 3600, CurrentTime = DateTimeOffset.UtcNow });
            })
            .On<StatusNotificationRequest, StatusNotificationResponse>((_, _, _) =>
            {
                Interlocked.Increment(ref csms._statuses);
                return ValueTask.FromResult(new StatusNotificationResponse());
            })
            .On<HeartbeatRequest, HeartbeatResponse>((_, _, _) => ValueTask.FromResult(new HeartbeatResponse { CurrentTime = DateTimeOffset.UtcNow }));

        app.UseWebSockets();
        app.MapGet("/alive", () => "ok");
        app.Map("/ocpp/{stationId}", async (HttpContext context, string stationId) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync("ocpp2.0.1");
            await using var connection = new OcppRpcConnection(socket, stationId, handlers);
            await connection.RunAsync(context.RequestAborted);
        });
        await app.StartAsync();
        return csms;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
