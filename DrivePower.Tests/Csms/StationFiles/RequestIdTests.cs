using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms.StationFiles;

/// <summary>The requestIds the CSMS gives a station's GetLog and UpdateFirmware: the next of that station's, even when asked for at once.</summary>
public sealed class RequestIdTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const int AtOnce = 12;

    [Theory]
    [InlineData("logs", """{"logType":"DiagnosticsLog"}""")]
    [InlineData("firmware-updates", """{"location":"http://firmware.example/fw.bin"}""")]
    public async Task Requests_made_at_once_for_one_station_all_succeed_with_requestIds_one_to_n(string resource, string body)
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        var stationId = $"REQID-{resource}";
        await using var station = await csms.ConnectBootedAsync(stationId, Answering());

        var requestIds = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(async _ =>
        {
            using var response = await csms.Http.PostRawAsync($"/api/stations/{stationId}/{resource}", body);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return (await response.JsonAsync()).GetProperty("requestId").GetInt32();
        }));

        Assert.Equal(Enumerable.Range(1, AtOnce), requestIds.Order());
    }

    private static OcppHandlerRegistry Answering() => new OcppHandlerRegistry()
        .On<GetLogRequest, GetLogResponse>((_, _, _) => ValueTask.FromResult(new GetLogResponse { Status = LogStatus.Accepted, Filename = "station.log" }))
        .On<UpdateFirmwareRequest, UpdateFirmwareResponse>((_, _, _) => ValueTask.FromResult(new UpdateFirmwareResponse { Status = UpdateFirmwareStatus.Accepted }));
}
