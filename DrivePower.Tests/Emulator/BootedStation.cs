using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>A test CSMS with one emulated station on it, booted and with its connectors reported.</summary>
internal sealed class BootedStation : IAsyncDisposable
{
    private BootedStation(TestCsms csms, EmulatorHost emulator, string id)
    {
        Csms = csms;
        Emulator = emulator;
        Id = id;
    }

    public TestCsms Csms { get; }

    public EmulatorHost Emulator { get; }

    public string Id { get; }

    public static Task<BootedStation> StartAsync(string id, params (string Key, string Value)[] settings) =>
        StartAsync(id, null, settings);

    /// <summary>As above, with the emulator's log entries going to <paramref name="logs"/> too.</summary>
    public static async Task<BootedStation> StartAsync(string id, Microsoft.Extensions.Logging.ILoggerProvider? logs, params (string Key, string Value)[] settings)
    {
        var csms = await TestCsms.StartAsync();
        var emulator = await EmulatorHost.StartAsync(csms, logs, [("STATION_ID", id), .. settings]);
        var evses = int.Parse(settings.FirstOrDefault(s => s.Key == "EVSE_COUNT").Value ?? "1", System.Globalization.CultureInfo.InvariantCulture);
        await TestCsms.WaitUntilAsync(() => csms.Received<StatusNotificationRequest>(id).Count >= evses, $"{id} reported its connectors");
        return new BootedStation(csms, emulator, id);
    }

    public Task<TResponse> SendAsync<TResponse>(IOcppRequest<TResponse> request) where TResponse : IOcppResponse =>
        Csms.SendAsync(Id, request);

    public Task<T> WaitForAsync<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null, int skip = 0) =>
        Csms.WaitForAsync(Id, predicate, timeout, skip);

    public IReadOnlyList<T> Received<T>() => Csms.Received<T>(Id);

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Csms.DisposeAsync();
    }
}
