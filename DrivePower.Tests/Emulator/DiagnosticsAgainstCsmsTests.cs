using System.Net.Http.Json;
using System.Text.Json;
using DrivePower.Emulator.Control;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DrivePower.Tests.Emulator;

/// <summary>Block N end to end: GetLog uploads to the real CSMS, and CustomerInformation reports and clears, on an emulated station.</summary>
public sealed class DiagnosticsAgainstCsmsTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task GetLog_makes_the_emulator_upload_a_log_of_its_frames_that_the_CSMS_stores_and_serves()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = await StartEmulatorAsync(csms, "EMU-LOG");

        using var sent = await csms.Http.PostJsonAsync("/api/stations/EMU-LOG/logs", new { logType = "DiagnosticsLog" });
        var answer = await sent.JsonAsync();
        Assert.True(sent.IsSuccessStatusCode, answer.ToString());
        var requestId = answer.GetProperty("requestId").GetInt32();
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        Assert.Equal($"EMU-LOG-DiagnosticsLog-{requestId}.log", answer.GetProperty("filename").GetString());

        JsonElement log = default;
        await Sql.EventuallyAsync(async () =>
        {
            log = (await csms.Http.GetJsonAsync("/api/stations/EMU-LOG/logs")).EnumerateArray().Single();
            return log.GetProperty("status").GetString() == "Uploaded";
        }, TimeSpan.FromSeconds(20));
        var file = await csms.Http.GetStringAsync($"/api/stations/EMU-LOG/logs/{requestId}/file");

        Assert.Equal(("Accepted", file.Length), (log.GetProperty("answer").GetString(), (int)log.GetProperty("sizeBytes").GetInt64()));
        Assert.StartsWith("# DiagnosticsLog of station EMU-LOG", file);
        Assert.Contains("sent BootNotification", file);
        Assert.Contains("received GetLog", file);
        // Written after Uploading went out: the upload's own first step is in it.
        Assert.Contains("sent LogStatusNotification [2,", file);
        Assert.Contains("\"status\":\"Uploading\"", file);
        await emulator.StopAsync();
    }

    [Fact]
    public async Task An_upload_location_that_refuses_the_file_ends_in_UploadFailure_after_the_retries()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = await StartEmulatorAsync(csms, "EMU-LOGFAIL");

        // A location on the CSMS that waits for no upload: every try is answered 404.
        var nowhere = new Uri(csms.BaseAddress, "/files/logs/no-such-token").AbsoluteUri;
        using var sent = await csms.Http.PostRawAsync("/api/stations/EMU-LOGFAIL/commands/GetLog",
            $$$"""{"logType":"SecurityLog","requestId":77,"retries":2,"retryInterval":0,"log":{"remoteLocation":"{{{nowhere}}}"}}""");

        Assert.Equal("Accepted", (await sent.JsonAsync()).GetProperty("status").GetString());
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<string>(database.ConnectionString,
            "SELECT log_status || ' ' || log_status_request_id FROM stations WHERE id = 'EMU-LOGFAIL'") == "UploadFailure 77", TimeSpan.FromSeconds(20));
        await emulator.StopAsync();
    }

    [Fact]
    public async Task CustomerInformation_reports_what_the_emulator_holds_about_a_used_token_and_clear_removes_it_from_the_cache()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = await StartEmulatorAsync(csms, "EMU-CI");
        var station = emulator.Services.GetRequiredService<StationDirectory>().Find("EMU-CI")!;
        var token = new IdToken { Token = "CUSTOMER-7", Type = IdTokenType.ISO14443 };
        using var control = new HttpClient { BaseAddress = emulator.Services.GetRequiredService<ControlApiServer>().Address };
        using var presented = await control.PostAsJsonAsync("/api/stations/EMU-CI/evses/1/id-token", new { idToken = "CUSTOMER-7", type = "ISO14443" });
        Assert.True(presented.IsSuccessStatusCode, await presented.Content.ReadAsStringAsync());
        Assert.NotNull(station.AuthorizationCache.Entry(token));

        using var invalid = await csms.Http.PostRawAsync("/api/stations/EMU-CI/commands/CustomerInformation", """{"requestId":4,"report":true,"clear":false}""");
        using var accepted = await csms.Http.PostRawAsync("/api/stations/EMU-CI/commands/CustomerInformation",
            """{"requestId":5,"report":true,"clear":true,"idToken":{"idToken":"CUSTOMER-7","type":"ISO14443"}}""");

        Assert.Equal("Invalid", (await invalid.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("Accepted", (await accepted.JsonAsync()).GetProperty("status").GetString());
        JsonElement report = default;
        await Sql.EventuallyAsync(async () =>
        {
            using var response = await csms.Http.GetAsync("/api/stations/EMU-CI/customer-information/5");
            report = response.IsSuccessStatusCode ? await response.JsonAsync() : default;
            return response.IsSuccessStatusCode && report.GetProperty("complete").GetBoolean();
        }, TimeSpan.FromSeconds(20));
        var data = report.GetProperty("data").GetString()!;
        Assert.Contains("idToken CUSTOMER-7 (ISO14443)", data);
        Assert.Contains("authorization cache Accepted", data);
        Assert.Contains("(cleared)", data);
        Assert.Null(station.AuthorizationCache.Entry(token));
        using var none = await csms.Http.GetAsync("/api/stations/EMU-CI/customer-information/4");
        await none.ProblemAsync(404);
        await emulator.StopAsync();
    }

    private async Task<IHost> StartEmulatorAsync(CsmsTestHost csms, string stationId)
    {
        var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = stationId,
        });
        await emulator.StartAsync();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id = @station", ("station", stationId)) == 1, TimeSpan.FromSeconds(20));
        return emulator;
    }
}
