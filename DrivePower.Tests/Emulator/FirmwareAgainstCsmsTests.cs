using System.Text;
using DrivePower.Emulator.Control;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Csms.StationFiles;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DrivePower.Tests.Emulator;

/// <summary>
/// Block L end to end: the operator uploads firmware to the real CSMS, UpdateFirmware sends an emulated
/// station to download, verify and install it, and the statuses it reports build the update's history.
/// </summary>
public sealed class FirmwareAgainstCsmsTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task An_uploaded_image_is_installed_the_station_reboots_with_reason_FirmwareUpdate_and_boots_with_the_new_version()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = await StartEmulatorAsync(csms, "EMU-FW");
        var fileId = await UploadAsync(csms, "DrivePower-Firmware 2.0.0\nnew code\n", "dp-2.0.0.bin");

        var answer = await UpdateAsync(csms, "EMU-FW", new { fileId });
        var history = await HistoryUntilAsync(csms, "EMU-FW", answer.RequestId, "Installed");

        Assert.Equal("Accepted", answer.Status);
        Assert.Equal(["Downloading", "Downloaded", "Installing", "InstallRebooting", "Installed"], history);
        Assert.Equal("2.0.0 FirmwareUpdate", await Sql.ScalarAsync<string>(database.ConnectionString,
            "SELECT firmware_version || ' ' || last_boot_reason FROM stations WHERE id = 'EMU-FW'"));
        Assert.Equal("2.0.0", Station(emulator, "EMU-FW").FirmwareVersion);
        await emulator.StopAsync();
    }

    [Fact]
    public async Task A_signed_update_is_verified_against_the_CSMS_signing_certificate_before_it_installs()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = await StartEmulatorAsync(csms, "EMU-FWSIGNED");
        var fileId = await UploadAsync(csms, "DrivePower-Firmware 2.1.0-signed\n", "signed.bin");

        var answer = await UpdateAsync(csms, "EMU-FWSIGNED", new { fileId, signed = true });
        var history = await HistoryUntilAsync(csms, "EMU-FWSIGNED", answer.RequestId, "Installed");

        Assert.Equal(["Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting", "Installed"], history);
        Assert.Equal("2.1.0-signed", Station(emulator, "EMU-FWSIGNED").FirmwareVersion);
        await SecurityEventAsync("EMU-FWSIGNED", "FirmwareUpdated");
        await emulator.StopAsync();
    }

    [Fact]
    public async Task A_signature_made_for_another_image_ends_in_InvalidSignature_and_nothing_is_installed()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = await StartEmulatorAsync(csms, "EMU-FWBADSIG");
        var signedOne = await UploadAsync(csms, "DrivePower-Firmware 3.0.0\n", "three.bin");
        var other = await UploadAsync(csms, "DrivePower-Firmware 6.6.6\n", "other.bin");
        var files = (await csms.Http.GetJsonAsync("/api/firmware")).EnumerateArray().ToList();
        var signature = files.Single(file => file.GetProperty("id").GetInt32() == signedOne).GetProperty("signature").GetString();
        var location = files.Single(file => file.GetProperty("id").GetInt32() == other).GetProperty("downloadUrl").GetString();
        var certificate = await csms.Http.GetStringAsync("/api/firmware/signing-certificate");

        using var sent = await csms.Http.PostJsonAsync("/api/stations/EMU-FWBADSIG/commands/UpdateFirmware", new
        {
            requestId = 500,
            firmware = new { location, retrieveDateTime = DateTimeOffset.UtcNow, signingCertificate = certificate, signature },
        });
        var history = await HistoryUntilAsync(csms, "EMU-FWBADSIG", 500, "InvalidSignature");

        Assert.Equal("Accepted", (await sent.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(["Downloading", "Downloaded", "InvalidSignature"], history);
        Assert.Equal("1.0.0", Station(emulator, "EMU-FWBADSIG").FirmwareVersion);
        await SecurityEventAsync("EMU-FWBADSIG", "InvalidFirmwareSignature"); // L01.FR.03
        await emulator.StopAsync();
    }

    [Fact]
    public async Task A_location_that_serves_no_file_ends_in_DownloadFailed_after_the_retries()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = await StartEmulatorAsync(csms, "EMU-FWNOFILE");
        var nowhere = new Uri(csms.BaseAddress, "/files/firmware/999999/none.bin").AbsoluteUri;

        var answer = await UpdateAsync(csms, "EMU-FWNOFILE", new { location = nowhere, retries = 2, retryInterval = 0 });
        var history = await HistoryUntilAsync(csms, "EMU-FWNOFILE", answer.RequestId, "DownloadFailed");

        Assert.Equal(["Downloading", "DownloadFailed"], history);
        Assert.Equal("1.0.0", Station(emulator, "EMU-FWNOFILE").FirmwareVersion);
        await emulator.StopAsync();
    }

    [Fact]
    public async Task A_file_that_is_no_firmware_image_ends_in_InstallVerificationFailed_and_the_version_stays()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = await StartEmulatorAsync(csms, "EMU-FWNOTIMAGE");
        var fileId = await UploadAsync(csms, "just some notes, no firmware\n", "notes.txt");

        var answer = await UpdateAsync(csms, "EMU-FWNOTIMAGE", new { fileId });
        var history = await HistoryUntilAsync(csms, "EMU-FWNOTIMAGE", answer.RequestId, "InstallVerificationFailed");

        Assert.Equal(["Downloading", "Downloaded", "InstallVerificationFailed"], history);
        Assert.Equal("1.0.0", Station(emulator, "EMU-FWNOTIMAGE").FirmwareVersion);
        await emulator.StopAsync();
    }

    [Fact]
    public async Task A_second_UpdateFirmware_while_one_runs_is_answered_AcceptedCanceled_and_only_it_goes_on()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = await StartEmulatorAsync(csms, "EMU-FWCANCEL");
        var later = await UploadAsync(csms, "DrivePower-Firmware 4.0.0\n", "four.bin");
        var now = await UploadAsync(csms, "DrivePower-Firmware 5.0.0\n", "five.bin");

        var first = await UpdateAsync(csms, "EMU-FWCANCEL", new { fileId = later, installDateTime = DateTimeOffset.UtcNow.AddHours(1) });
        await HistoryUntilAsync(csms, "EMU-FWCANCEL", first.RequestId, "InstallScheduled");
        var second = await UpdateAsync(csms, "EMU-FWCANCEL", new { fileId = now });
        var history = await HistoryUntilAsync(csms, "EMU-FWCANCEL", second.RequestId, "Installed");

        Assert.Equal(("Accepted", "AcceptedCanceled"), (first.Status, second.Status));
        Assert.Equal(["Downloading", "Downloaded", "InstallScheduled"], await HistoryAsync(csms, "EMU-FWCANCEL", first.RequestId));
        Assert.Equal(["Downloading", "Downloaded", "Installing", "InstallRebooting", "Installed"], history);
        Assert.Equal("5.0.0", Station(emulator, "EMU-FWCANCEL").FirmwareVersion);
        await emulator.StopAsync();
    }

    [Fact]
    public async Task TriggerMessage_FirmwareStatusNotification_reports_Idle_without_an_update_and_the_running_updates_status_with_one()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = await StartEmulatorAsync(csms, "EMU-FWTRIGGER");
        var fileId = await UploadAsync(csms, "DrivePower-Firmware 7.0.0\n", "seven.bin");
        const string Status = "SELECT firmware_status || ' ' || COALESCE(firmware_status_request_id::text, '-') FROM stations WHERE id = 'EMU-FWTRIGGER'";

        await TriggerAsync(csms, "EMU-FWTRIGGER");
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<string>(database.ConnectionString, Status) == "Idle -", TimeSpan.FromSeconds(20));
        var update = await UpdateAsync(csms, "EMU-FWTRIGGER", new { fileId, installDateTime = DateTimeOffset.UtcNow.AddDays(100) });
        var before = await HistoryUntilAsync(csms, "EMU-FWTRIGGER", update.RequestId, "InstallScheduled");
        await TriggerAsync(csms, "EMU-FWTRIGGER");

        // The triggered report carries the update's requestId, so it lands in its history too.
        await Sql.EventuallyAsync(async () => (await HistoryAsync(csms, "EMU-FWTRIGGER", update.RequestId)).Count == before.Count + 1, TimeSpan.FromSeconds(20));
        Assert.Equal(["Downloading", "Downloaded", "InstallScheduled", "InstallScheduled"], await HistoryAsync(csms, "EMU-FWTRIGGER", update.RequestId));
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<string>(database.ConnectionString, Status) == $"InstallScheduled {update.RequestId}",
            TimeSpan.FromSeconds(20));
        await emulator.StopAsync();
    }

    private static async Task TriggerAsync(CsmsTestHost csms, string stationId)
    {
        using var sent = await csms.Http.PostRawAsync($"/api/stations/{stationId}/commands/TriggerMessage", """{"requestedMessage":"FirmwareStatusNotification"}""");
        Assert.Equal("Accepted", (await sent.JsonAsync()).GetProperty("status").GetString());
    }

    private static async Task<int> UploadAsync(CsmsTestHost csms, string content, string fileName)
    {
        using var uploaded = await csms.Http.PostAsync("/api/firmware", FirmwareApiTests.Multipart(Encoding.UTF8.GetBytes(content), fileName));
        var file = await uploaded.JsonAsync();
        Assert.True(uploaded.IsSuccessStatusCode, file.ToString());
        return file.GetProperty("id").GetInt32();
    }

    private static async Task<(int RequestId, string Status)> UpdateAsync(CsmsTestHost csms, string stationId, object body)
    {
        using var sent = await csms.Http.PostJsonAsync($"/api/stations/{stationId}/firmware-updates", body);
        var answer = await sent.JsonAsync();
        Assert.True(sent.IsSuccessStatusCode, answer.ToString());
        return (answer.GetProperty("requestId").GetInt32(), answer.GetProperty("status").GetString()!);
    }

    private static async Task<List<string>> HistoryAsync(CsmsTestHost csms, string stationId, int requestId)
    {
        var updates = await csms.Http.GetJsonAsync($"/api/stations/{stationId}/firmware-updates");
        return updates.EnumerateArray().Where(update => update.GetProperty("requestId").GetInt32() == requestId)
            .SelectMany(update => update.GetProperty("history").EnumerateArray())
            .Select(entry => entry.GetProperty("status").GetString()!).ToList();
    }

    /// <summary>The update's statuses once the last one is <paramref name="last"/>.</summary>
    private static async Task<List<string>> HistoryUntilAsync(CsmsTestHost csms, string stationId, int requestId, string last)
    {
        List<string> history = [];
        await Sql.EventuallyAsync(async () =>
        {
            history = await HistoryAsync(csms, stationId, requestId);
            return history.Count > 0 && history[^1] == last;
        }, TimeSpan.FromSeconds(30));
        return history;
    }

    private static DrivePower.Emulator.Stations.Station Station(IHost emulator, string stationId) =>
        emulator.Services.GetRequiredService<StationDirectory>().Find(stationId)!;

    private async Task<IHost> StartEmulatorAsync(CsmsTestHost csms, string stationId)
    {
        var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = stationId,
            ["FIRMWARE_STEP_SECONDS"] = "0.05",
            ["RECONNECT_MIN_SECONDS"] = "0.1",
            ["RECONNECT_MAX_SECONDS"] = "0.5",
        });
        await emulator.StartAsync();
        await Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM station_connector_statuses WHERE station_id = @station", ("station", stationId)) == 1, TimeSpan.FromSeconds(20));
        return emulator;
    }

    private Task SecurityEventAsync(string stationId, string type) => Sql.EventuallyAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
        "SELECT count(*) FROM station_events WHERE station_id = @station AND kind = 'SecurityEventNotification' AND event_type = @type",
        ("station", stationId), ("type", type)) == 1, TimeSpan.FromSeconds(20));
}
