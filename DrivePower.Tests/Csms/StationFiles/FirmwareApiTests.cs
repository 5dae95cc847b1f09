using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms.StationFiles;

/// <summary>
/// Firmware files on the CSMS (block L): the operator uploads them (hashed, versioned, signed), stations
/// download them without an operator key, and UpdateFirmware's statuses build each update's history.
/// </summary>
public sealed class FirmwareApiTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly Dictionary<string, string?> KeyRequired = new()
    {
        ["Csms:OperatorApi:RequireKey"] = "true",
        ["Csms:OperatorApi:Keys:0"] = "a-key-for-the-firmware-tests",
    };

    [Fact]
    public async Task An_uploaded_file_is_stored_with_its_hash_version_and_a_signature_by_the_signing_certificate_and_stations_download_it_without_a_key()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString, KeyRequired);
        csms.Http.DefaultRequestHeaders.Add("X-Api-Key", "a-key-for-the-firmware-tests");
        var image = Encoding.UTF8.GetBytes("DrivePower-Firmware 2.4.1\nbinary payload\n");

        using var uploaded = await csms.Http.PostAsync("/api/firmware", Multipart(image, "dp-2.4.1.bin"));
        var file = await uploaded.JsonAsync();
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, file.ToString());
        var id = file.GetProperty("id").GetInt32();
        var pem = await csms.Http.GetStringAsync("/api/firmware/signing-certificate");
        using var anonymous = new HttpClient { BaseAddress = csms.BaseAddress };
        var downloadUrl = file.GetProperty("downloadUrl").GetString()!;
        var downloaded = await anonymous.GetByteArrayAsync(downloadUrl);
        using var listWithoutKey = await anonymous.GetAsync("/api/firmware");

        Assert.Equal(image, downloaded);
        Assert.Equal(new Uri(csms.BaseAddress, $"/files/firmware/{id}/dp-2.4.1.bin").AbsoluteUri, downloadUrl);
        Assert.Equal(("2.4.1", (long)image.Length, Convert.ToHexStringLower(SHA256.HashData(image))),
            (file.GetProperty("version").GetString(), file.GetProperty("sizeBytes").GetInt64(), file.GetProperty("sha256").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, listWithoutKey.StatusCode);
        using var certificate = X509Certificate2.CreateFromPem(pem);
        using var key = certificate.GetECDsaPublicKey()!;
        var signature = Convert.FromBase64String(file.GetProperty("signature").GetString()!);
        Assert.True(key.VerifyData(image, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.False(key.VerifyData(image.Append((byte)0).ToArray(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.Contains((await csms.Http.GetJsonAsync("/api/firmware")).EnumerateArray(), listed => listed.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task The_signing_key_is_kept_so_a_restarted_CSMS_signs_with_the_same_certificate()
    {
        string first;
        await using (var csms = await CsmsTestHost.StartAsync(database.ConnectionString))
            first = await csms.Http.GetStringAsync("/api/firmware/signing-certificate");
        await using var restarted = await CsmsTestHost.StartAsync(database.ConnectionString);

        Assert.StartsWith("-----BEGIN CERTIFICATE-----", first);
        Assert.Equal(first, await restarted.Http.GetStringAsync("/api/firmware/signing-certificate"));
    }

    [Fact]
    public async Task An_upload_over_Csms_Firmware_MaxUploadMegabytes_is_refused_with_a_413_problem()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString, new Dictionary<string, string?> { ["Csms:Firmware:MaxUploadMegabytes"] = "1" });

        using var tooLarge = await csms.Http.PostAsync("/api/firmware", Multipart(new byte[1024 * 1024 + 1], "big.bin"));
        using var fits = await csms.Http.PostAsync("/api/firmware", Multipart(new byte[1024 * 1024], "fits.bin"));
        using var empty = await csms.Http.PostAsync("/api/firmware", Multipart([], "empty.bin"));

        Assert.Contains("1 MB", (await tooLarge.ProblemAsync(413)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        await empty.ProblemAsync(400);
    }

    [Fact]
    public async Task A_file_over_Kestrels_default_30_MB_body_limit_fits_under_the_default_64_MB_firmware_limit()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        var image = new byte[31 * 1024 * 1024];
        "DrivePower-Firmware 31\n"u8.CopyTo(image);

        using var uploaded = await csms.Http.PostAsync("/api/firmware", Multipart(image, "big.bin"));
        var file = await uploaded.JsonAsync();

        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, file.ToString());
        Assert.Equal((image.Length, "31"), ((int)file.GetProperty("sizeBytes").GetInt64(), file.GetProperty("version").GetString()));
        Assert.Equal(image.Length, (await csms.Http.GetByteArrayAsync(file.GetProperty("downloadUrl").GetString())).Length);
    }

    [Fact]
    public async Task An_unknown_or_deleted_firmware_file_is_a_404_problem_for_stations_and_operators()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("FW-404", Answering(UpdateFirmwareStatus.Accepted));
        using var uploaded = await csms.Http.PostAsync("/api/firmware", Multipart("DrivePower-Firmware 9\n"u8.ToArray(), "nine.bin"));
        var id = (await uploaded.JsonAsync()).GetProperty("id").GetInt32();

        using var wrongName = await csms.Http.GetAsync($"/files/firmware/{id}/other.bin");
        using var deleted = await csms.Http.DeleteAsync($"/api/firmware/{id}");
        using var gone = await csms.Http.GetAsync($"/files/firmware/{id}/nine.bin");
        using var deletedAgain = await csms.Http.DeleteAsync($"/api/firmware/{id}");
        using var update = await csms.Http.PostJsonAsync("/api/stations/FW-404/firmware-updates", new { fileId = id });
        using var both = await csms.Http.PostJsonAsync("/api/stations/FW-404/firmware-updates", new { fileId = id, location = "http://x/fw" });
        using var signedLocation = await csms.Http.PostJsonAsync("/api/stations/FW-404/firmware-updates", new { location = "http://x/fw", signed = true });

        await wrongName.ProblemAsync(404);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await gone.ProblemAsync(404);
        await deletedAgain.ProblemAsync(404);
        await update.ProblemAsync(404);
        await both.ProblemAsync(400);
        await signedLocation.ProblemAsync(400);
    }

    [Fact]
    public async Task A_status_the_station_reports_before_its_answer_is_stored_is_kept_in_the_update_history()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        TestStation? station = null;
        var handlers = new OcppHandlerRegistry().On<UpdateFirmwareRequest, UpdateFirmwareResponse>(async (_, request, _) =>
        {
            // Reported while the CSMS still waits for the answer, so before CommandEffects stores the update.
            await station!.CallAsync(new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Downloading, RequestId = request.RequestId });
            return new UpdateFirmwareResponse { Status = UpdateFirmwareStatus.Accepted };
        });
        station = await csms.ConnectBootedAsync("FW-EARLY", handlers);

        using var sent = await csms.Http.PostRawAsync("/api/stations/FW-EARLY/commands/UpdateFirmware",
            """{"requestId":41,"firmware":{"location":"http://elsewhere.example/fw.bin","retrieveDateTime":"2025-06-01T12:00:00Z"}}""");
        await station.CallAsync(new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Downloaded, RequestId = 41 });

        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        var update = Assert.Single((await csms.Http.GetJsonAsync("/api/stations/FW-EARLY/firmware-updates")).EnumerateArray());
        Assert.Equal((41, "Accepted", "Downloaded", "http://elsewhere.example/fw.bin"), (update.GetProperty("requestId").GetInt32(),
            update.GetProperty("answer").GetString(), update.GetProperty("status").GetString(), update.GetProperty("location").GetString()));
        Assert.Equal(["Downloading", "Downloaded"], update.GetProperty("history").EnumerateArray().Select(entry => entry.GetProperty("status").GetString()));
        await station.DisposeAsync();
    }

    [Fact]
    public async Task A_firmware_update_for_an_uploaded_file_sends_its_location_on_this_CSMS_and_with_signed_the_certificate_and_signature()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        var received = new List<UpdateFirmwareRequest>();
        await using var station = await csms.ConnectBootedAsync("FW-SEND", Answering(UpdateFirmwareStatus.Accepted, received));
        using var uploaded = await csms.Http.PostAsync("/api/firmware", Multipart("DrivePower-Firmware 3.0\n"u8.ToArray(), "fw 3.bin"));
        var file = await uploaded.JsonAsync();

        using var sent = await csms.Http.PostJsonAsync("/api/stations/FW-SEND/firmware-updates",
            new { fileId = file.GetProperty("id").GetInt32(), signed = true, retries = 2, retryInterval = 5 });
        var result = await sent.JsonAsync();

        Assert.True(sent.IsSuccessStatusCode, result.ToString());
        var request = Assert.Single(received);
        Assert.Equal(file.GetProperty("downloadUrl").GetString(), request.Firmware.Location);
        Assert.EndsWith("/fw%203.bin", request.Firmware.Location);
        Assert.Equal((result.GetProperty("requestId").GetInt32(), 2, 5), (request.RequestId, request.Retries, request.RetryInterval));
        Assert.Equal(file.GetProperty("signature").GetString(), request.Firmware.Signature);
        Assert.Equal(await csms.Http.GetStringAsync("/api/firmware/signing-certificate"), request.Firmware.SigningCertificate);
        var stored = Assert.Single((await csms.Http.GetJsonAsync("/api/stations/FW-SEND/firmware-updates")).EnumerateArray());
        Assert.Equal(("3.0", true, "Accepted"), (stored.GetProperty("version").GetString(), stored.GetProperty("signed").GetBoolean(), stored.GetProperty("answer").GetString()));
    }

    private static OcppHandlerRegistry Answering(UpdateFirmwareStatus status, List<UpdateFirmwareRequest>? received = null) => new OcppHandlerRegistry()
        .On<UpdateFirmwareRequest, UpdateFirmwareResponse>((_, request, _) =>
        {
            if (received is not null)
                lock (received)
                    received.Add(request);
            return ValueTask.FromResult(new UpdateFirmwareResponse { Status = status });
        });

    internal static MultipartFormDataContent Multipart(byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
