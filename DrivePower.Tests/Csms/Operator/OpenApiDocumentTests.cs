using System.Text.Json;
using System.Text.Json.Nodes;
using DrivePower.Csms.Commands;
using DrivePower.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace DrivePower.Tests.Csms.Operator;

public sealed class OpenApiDocumentTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    private async Task<JsonElement> DocumentAsync()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        return await csms.Http.GetJsonAsync("/openapi/v1.json");
    }

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static string[] Statuses(JsonElement document, string path, string method) =>
        [.. Operation(document, path, method).GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal)];

    private static string[] Names(JsonElement schema, string keyword) => schema.TryGetProperty(keyword, out var value)
        ? value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(item => item.GetString()!).Order(StringComparer.Ordinal)]
            : [.. value.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal)]
        : [];

    private static bool SameJson(JsonElement a, JsonElement b) => JsonNode.DeepEquals(JsonNode.Parse(a.GetRawText()), JsonNode.Parse(b.GetRawText()));

    [Fact]
    public async Task Every_command_is_an_operation_of_its_own_with_the_catalogue_request_and_response_schemas_and_example()
    {
        var document = await DocumentAsync();

        foreach (var command in CommandCatalog.All)
        {
            var operation = Operation(document, $"/api/stations/{{stationId}}/commands/{command.Action}", "post");
            Assert.Equal($"Send{command.Action}", operation.GetProperty("operationId").GetString());
            var body = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            Assert.Equal(Names(command.RequestSchema, "required"), Names(body.GetProperty("schema"), "required"));
            Assert.Equal(Names(command.RequestSchema, "properties"), Names(body.GetProperty("schema"), "properties"));
            Assert.False(body.GetProperty("schema").GetProperty("additionalProperties").GetBoolean());
            var example = body.GetProperty("examples").GetProperty("minimal").GetProperty("value");
            Assert.True(SameJson(command.ExampleRequest, example), $"{command.Action}: example {example}");
            var answer = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            Assert.Equal(Names(command.ResponseSchema, "properties"), Names(answer, "properties"));
        }

        var reset = Operation(document, "/api/stations/{stationId}/commands/Reset", "post");
        var type = reset.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("properties").GetProperty("type");
        Assert.Equal(["Immediate", "OnIdle"], type.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.False(document.GetProperty("paths").TryGetProperty("/api/stations/{stationId}/commands/{action}", out _));
    }

    [Theory]
    [InlineData("/api/stations/{stationId}/commands/Reset", "post", "200 400 401 404 502 503 504")]
    [InlineData("/api/commands", "get", "200 400 401")]
    [InlineData("/api/stations", "get", "200 400 401 503")]
    [InlineData("/api/stations/{id}", "get", "200 400 401 404 503")]
    [InlineData("/api/stations/{id}", "delete", "204 400 401 404 409 503")]
    [InlineData("/api/transactions/stale", "get", "200 400 401 503")]
    [InlineData("/api/transactions/{id}", "get", "200 400 401 404 503")]
    [InlineData("/api/transactions/{id}/end", "post", "200 400 401 404 409 503")]
    [InlineData("/api/events", "get", "200 400 401")]
    [InlineData("/api/journal", "get", "200 400 401 503")]
    [InlineData("/api/journal/{id}", "get", "200 400 401 404 503")]
    [InlineData("/api/journal/live", "get", "200 400 401 503")]
    [InlineData("/api/id-tokens", "post", "201 400 401 409 503")]
    [InlineData("/api/id-tokens/{type}/{idToken}", "get", "200 400 401 404 503")]
    [InlineData("/api/id-tokens/{type}/{idToken}", "delete", "204 400 401 404 409 503")]
    public async Task Each_operation_documents_every_status_it_really_answers(string path, string method, string statuses)
    {
        var document = await DocumentAsync();

        Assert.Equal(statuses.Split(' '), Statuses(document, path, method));
    }

    [Fact]
    public async Task The_API_page_is_served_outside_Development_too()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString, new Dictionary<string, string?> { ["environment"] = Environments.Production });

        using var page = await csms.Http.GetAsync("/scalar");

        Assert.Equal(Environments.Production, csms.Get<IHostEnvironment>().EnvironmentName);
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}
