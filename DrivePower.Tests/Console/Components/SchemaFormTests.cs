using System.Text.Json.Nodes;
using Bunit;
using DrivePower.Csms.WebConsole.Schema;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Validation;
using Microsoft.FluentUI.AspNetCore.Components;

namespace DrivePower.Tests.Console.Components;

/// <summary>The form generated from a JSON Schema (hand-written schemas here, in the shape OCPP's are).</summary>
public sealed class SchemaFormTests : IDisposable
{
    private static readonly JsonObject Schema = (JsonObject)JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "type": { "type": "string", "enum": ["Immediate", "OnIdle"] },
            "evseId": { "type": "integer", "minimum": 0 },
            "idToken": {
              "type": "object", "title": "IdToken",
              "properties": {
                "idToken": { "type": "string", "maxLength": 36 },
                "type": { "type": "string", "enum": ["Central", "ISO14443"] }
              },
              "required": ["idToken", "type"], "additionalProperties": false
            },
            "limits": { "type": "array", "items": { "type": "number" }, "maxItems": 2 },
            "eager": { "type": "boolean" },
            "data": {}
          },
          "required": ["type", "idToken"],
          "additionalProperties": false
        }
        """)!;

    private readonly BunitContext _context = new();

    public SchemaFormTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddFluentUIComponents();
    }

    [Fact]
    public void Enums_render_as_choices_and_required_fields_are_marked()
    {
        var form = Render();

        var choices = form.FindAll("[data-path='$.type'] select option").Select(option => option.TextContent).ToList();
        Assert.Equal(["— choose —", "Immediate", "OnIdle"], choices);
        Assert.Equal("true", form.Find("[data-path='$.type']").GetAttribute("data-required"));
        Assert.NotEmpty(form.FindAll("[data-path='$.type'] > label .required-mark"));
        Assert.Equal("false", form.Find("[data-path='$.evseId']").GetAttribute("data-required"));
        Assert.Empty(form.FindAll("[data-path='$.evseId'] .required-mark"));
        Assert.Equal(["— not sent —", "true", "false"], form.FindAll("[data-path='$.eager'] select option").Select(option => option.TextContent));
        Assert.NotEmpty(form.FindAll("[data-path='$.idToken.idToken'] .required-mark"));
    }

    [Fact]
    public void Filling_the_fields_writes_the_payload_with_typed_numbers_nested_objects_and_arrays()
    {
        var form = Render();

        form.Find("[data-path='$.type'] select").Change("OnIdle");
        form.Find("[data-path='$.evseId'] input").Change("3");
        form.Find("[data-path='$.idToken.idToken'] input").Change("TOKEN-1");
        form.Find("[data-path='$.idToken.type'] select").Change("Central");
        form.Find("[data-path='$.limits'] input[type=checkbox]").Change(true);
        form.FindAll("[data-path='$.limits'] fluent-button").Last().Click();
        form.Find("[data-path='$.limits[0]'] input").Change("7.5");

        var payload = JsonNode.Parse(form.Instance.Json)!;
        Assert.Equal("OnIdle", payload["type"]!.GetValue<string>());
        Assert.Equal(3, payload["evseId"]!.GetValue<long>());
        Assert.Equal("TOKEN-1", payload["idToken"]!["idToken"]!.GetValue<string>());
        Assert.Equal("Central", payload["idToken"]!["type"]!.GetValue<string>());
        Assert.Equal(7.5m, payload["limits"]![0]!.GetValue<decimal>());
        Assert.Null(payload["eager"]); // optional and left empty: not sent
        Assert.Null(payload["data"]);
    }

    [Fact]
    public void The_initial_value_fills_the_form_and_an_optional_object_is_sent_only_when_ticked()
    {
        var form = Render(JsonNode.Parse("""{"type":"Immediate","idToken":{"idToken":"A","type":"ISO14443"}}"""));

        Assert.Equal("Immediate", form.Find("[data-path='$.type'] select").GetAttribute("value"));
        Assert.Equal("""{"type":"Immediate","idToken":{"idToken":"A","type":"ISO14443"}}""", JsonNode.Parse(form.Instance.Json)!.ToJsonString());
        Assert.Empty(form.FindAll("[data-path='$.limits[0]']"));
    }

    [Fact]
    public void Violations_show_at_the_field_whose_path_they_name_and_typed_JSON_that_is_not_JSON_is_an_error()
    {
        var violation = new OcppViolation(OcppErrorCode.TypeConstraintViolation, "$.evseId", "expected an integer");
        var form = Render(violations: [violation]);

        Assert.Contains("TypeConstraintViolation: expected an integer", form.Find("[data-path='$.evseId'] [data-violation]").TextContent);
        Assert.Empty(form.FindAll("[data-path='$.type'] [data-violation]"));

        form.Find("[data-testid='payload-json']").Change("{ not json");
        Assert.Contains("Not JSON", form.Find("[data-testid='schema-form'] > .form-field .field-error").TextContent);
        Assert.Equal("{ not json", form.Instance.Json); // kept as typed, for the operator to fix

        form.Find("[data-testid='payload-json']").Change("""{"type":"OnIdle","idToken":{"idToken":"B","type":"Central"},"extra":1}""");
        Assert.Equal("OnIdle", form.Find("[data-path='$.type'] select").GetAttribute("value"));
        Assert.Contains("\"extra\"", form.Instance.Json, StringComparison.Ordinal); // sent as typed; the validator judges it
    }

    private IRenderedComponent<SchemaForm> Render(JsonNode? initial = null, IReadOnlyList<OcppViolation>? violations = null) =>
        _context.Render<SchemaForm>(parameters => parameters
            .Add(form => form.Schema, (JsonObject)Schema.DeepClone())
            .Add(form => form.Initial, initial)
            .Add(form => form.Violations, violations ?? []));

    public void Dispose() => _context.Dispose();
}
