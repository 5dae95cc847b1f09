using System.Net;
using System.Net.Http.Headers;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Csms.Operator;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms.StationFiles;

/// <summary>The station upload endpoint POST /files/logs/{token}: the token of a GetLog is the only way in, once; size and emptiness checked.</summary>
public sealed class LogUploadTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_raw_upload_to_the_GetLog_location_is_stored_once_and_downloadable()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        var locations = new List<string>();
        await using var station = await csms.ConnectBootedAsync("LOG-RAW", Answering(locations));

        using var requested = await csms.Http.PostJsonAsync("/api/stations/LOG-RAW/logs", new { logType = "SecurityLog", retries = 1 });
        var requestId = (await requested.JsonAsync()).GetProperty("requestId").GetInt32();
        var location = Assert.Single(locations);
        using var upload = await csms.Http.PostAsync(location, new ByteArrayContent("line one\nline two\n"u8.ToArray()));
        using var again = await csms.Http.PostAsync(location, new ByteArrayContent("other"u8.ToArray()));

        Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);
        Assert.StartsWith(new Uri(csms.BaseAddress, "/files/logs/").AbsoluteUri, location);
        Assert.Equal("line one\nline two\n", await csms.Http.GetStringAsync($"/api/stations/LOG-RAW/logs/{requestId}/file"));
        await again.ProblemAsync(404);
        var stored = Assert.Single((await csms.Http.GetJsonAsync("/api/stations/LOG-RAW/logs")).EnumerateArray());
        Assert.Equal(("SecurityLog", "Accepted", 18L), (stored.GetProperty("logType").GetString(), stored.GetProperty("answer").GetString(), stored.GetProperty("sizeBytes").GetInt64()));
    }

    [Fact]
    public async Task An_unknown_token_an_empty_file_and_a_file_over_the_limit_are_refused_with_problems()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString, new Dictionary<string, string?> { ["Csms:Logs:MaxUploadMegabytes"] = "1" });
        var locations = new List<string>();
        await using var station = await csms.ConnectBootedAsync("LOG-BAD", Answering(locations));
        using var requested = await csms.Http.PostJsonAsync("/api/stations/LOG-BAD/logs", new { logType = "DiagnosticsLog" });
        var location = Assert.Single(locations);

        using var unknown = await csms.Http.PostAsync("/files/logs/0123456789abcdef", new ByteArrayContent("x"u8.ToArray()));
        using var empty = await csms.Http.PostAsync(location, Multipart([]));
        using var tooLarge = await csms.Http.PostAsync(location, Multipart(new byte[1024 * 1024 + 1]));
        using var badType = await csms.Http.PostJsonAsync("/api/stations/LOG-BAD/logs", new { logType = "SystemLog" });

        await unknown.ProblemAsync(404);
        await empty.ProblemAsync(400);
        Assert.Contains("1 MB", (await tooLarge.ProblemAsync(413)).GetProperty("detail").GetString());
        Assert.Contains("DiagnosticsLog or SecurityLog", (await badType.ProblemAsync(400)).GetProperty("detail").GetString());
        // The refused uploads did not spend the token.
        using var fits = await csms.Http.PostAsync(location, Multipart("ok"u8.ToArray()));
        Assert.Equal(HttpStatusCode.NoContent, fits.StatusCode);
    }

    private static OcppHandlerRegistry Answering(List<string> locations) => new OcppHandlerRegistry()
        .On<GetLogRequest, GetLogResponse>((_, request, _) =>
        {
            lock (locations)
                locations.Add(request.Log.RemoteLocation);
            return ValueTask.FromResult(new GetLogResponse { Status = LogStatus.Accepted, Filename = "station.log" });
        });

    private static MultipartFormDataContent Multipart(byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "file", "station.log" } };
    }
}
