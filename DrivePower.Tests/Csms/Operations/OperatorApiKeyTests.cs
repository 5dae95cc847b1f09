using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DrivePower.Ocpp.Messages;
using DrivePower.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DrivePower.Tests.Csms.Operations;

public sealed class OperatorApiKeyTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const string Key = "k3y-for-the-operator-api-tests";

    private static readonly Dictionary<string, string?> KeyRequired = new()
    {
        ["Csms:OperatorApi:RequireKey"] = "true",
        ["Csms:OperatorApi:Keys:0"] = "an-older-key-still-accepted",
        ["Csms:OperatorApi:Keys:1"] = Key,
    };

    [Theory]
    [InlineData(null, "Send an operator API key in the X-Api-Key header")]
    [InlineData("wrong-key-of-a-decent-length", "not one of the configured keys")]
    [InlineData(Key + "x", "not one of the configured keys")]
    public async Task Without_the_right_key_the_api_answers_401_with_a_problem(string? key, string detail)
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString, KeyRequired);

        foreach (var path in new[] { "/api/stations", "/api/transactions", "/api/id-tokens", "/api/events" })
        {
            var response = await csms.Http.SendAsync(Get(path, key));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Equal("Operator API key required", problem!.Title);
            Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Key)]
    [InlineData("an-older-key-still-accepted")]
    public async Task With_a_configured_key_the_api_answers(string key)
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString, KeyRequired);

        Assert.Equal(HttpStatusCode.OK, (await csms.Http.SendAsync(Get("/api/stations", key))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await csms.Http.SendAsync(Get("/api/stations/NOBODY", key))).StatusCode);
    }

    [Fact]
    public async Task Health_alive_the_openapi_document_and_the_stations_need_no_key()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString, KeyRequired);

        Assert.Equal(HttpStatusCode.OK, (await csms.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await csms.Http.GetAsync("/alive")).StatusCode);
        await using var station = await csms.ConnectAsync("CP-NOKEY");
        Assert.Equal(RegistrationStatus.Accepted, (await station.BootAsync()).Status);

        using var document = JsonDocument.Parse(await csms.Http.GetStringAsync("/openapi/v1.json"));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.True(document.RootElement.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task A_loopback_only_csms_needs_no_key_by_default()
    {
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);

        Assert.Equal(HttpStatusCode.OK, (await csms.Http.GetAsync("/api/stations")).StatusCode);
    }

    [Fact]
    public async Task A_csms_listening_beyond_loopback_needs_a_key_by_default()
    {
        await using var csms = await CsmsTestHost.StartAsync(
            database.ConnectionString,
            new Dictionary<string, string?> { ["Csms:OperatorApi:Keys:0"] = Key, ["urls"] = "http://0.0.0.0:0" });

        var stations = $"http://127.0.0.1:{csms.BaseAddress.Port}/api/stations"; // it listens on every interface

        Assert.Equal(HttpStatusCode.Unauthorized, (await csms.Http.GetAsync(stations)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await csms.Http.SendAsync(Get(stations, Key))).StatusCode);
    }

    private static HttpRequestMessage Get(string path, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return request;
    }
}
