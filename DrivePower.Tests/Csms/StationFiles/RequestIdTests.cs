using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms.StationFiles;

/// <summary>The requestIds the CSMS gives a station's GetLog and UpdateFirmware: the next of that station's, even when asked for at once.</summary>
public sealed class RequestIdTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const int AtOnce = 12;

    [Fact]
    public async Task Log_requests_made_at_once_for_one_station_all_succeed_with_requestIds_one_to_n()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("REQID-LOG", Answering());

        var requestIds = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => RequestIdAsync(csms.Http.PostJsonAsync("/api/stations/REQID-LOG/logs", new { logType = "DiagnosticsLog" }))));

        Assert.Equal(Enumerable.Range(1, AtOnce), requestIds.Order());
    }

    [Fact]
    public async Task Firmware_updates_made_at_once_for_one_station_all_succeed_with_requestIds_one_to_n()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("REQID-FW", Answering());

        var requestIds = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => RequestIdAsync(csms.Http.PostJsonAsync("/api/stations/REQID-FW/firmware-updates", new { location = "http://firmware.example/fw.bin" }))));

        Assert.Equal(Enumerable.Range(1, AtOnce), requestIds.Order());
    }

    private static async Task<int> RequestIdAsync(Task<HttpResponseMessage> posting)
    {
        using var response = await posting;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync()).GetProperty("requestId").GetInt32();
    }

    private static OcppHandlerRegistry Answering() => new OcppHandlerRegistry()
        .On<GetLogRequest, GetLogResponse>((_, _, _) => ValueTask.FromResult(new GetLogResponse { Status = LogStatus.Accepted, Filename = "station.log" }))
        .On<UpdateFirmwareRequest, UpdateFirmwareResponse>((_, _, _) => ValueTask.FromResult(new UpdateFirmwareResponse { Status = UpdateFirmwareStatus.Accepted }));
}
