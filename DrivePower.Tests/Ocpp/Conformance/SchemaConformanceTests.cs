using System.Text.Json;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Tests.Ocpp.Conformance;

/// <summary>
/// The validator's rules, derived from the records, against the official OCPP 2.0.1 JSON schemas: for
/// every catalogued action, request and response, each case <see cref="SchemaCases"/> makes from the
/// schema must get the schema's verdict, and the record may hold no property the schema lacks.
/// </summary>
public sealed class SchemaConformanceTests(OfficialSchemas schemas) : IClassFixture<OfficialSchemas>
{
    public static TheoryData<string> Actions() => new(OcppActions.All.Select(action => action.Name));

    [Theory]
    [MemberData(nameof(Actions))]
    public void The_request_rules_agree_with_the_official_schema(string action) =>
        AssertAgrees(OcppActions.Find(action)!.Request, action + "Request");

    [Theory]
    [MemberData(nameof(Actions))]
    public void The_response_rules_agree_with_the_official_schema(string action) =>
        AssertAgrees(OcppActions.Find(action)!.Response, action + "Response");

    [Fact]
    public void A_record_that_drops_a_schema_limit_is_caught()
    {
        // The test itself: a schema with maxLength 20 on a property the record leaves unlimited.
        var schema = JsonDocument.Parse("""
            {"type":"object","additionalProperties":false,"required":["id"],
             "properties":{"id":{"type":"string","maxLength":20},"customData":{"type":"object","properties":{"vendorId":{"type":"string","maxLength":255}},"required":["vendorId"]}}}
            """).RootElement;

        var disagreements = Disagreements(OcppJsonContext.Default.DataTransferResponse, SchemaNode.Of(schema)).ToList();

        Assert.Contains(disagreements, line => line.StartsWith("$.id: 21 characters (maxLength 20)", StringComparison.Ordinal));
    }

    private void AssertAgrees(System.Text.Json.Serialization.Metadata.JsonTypeInfo contract, string schemaName)
    {
        var disagreements = Disagreements(contract, SchemaNode.Of(schemas[schemaName])).ToList();
        Assert.True(disagreements.Count == 0,
            $"{contract.Type.Name} disagrees with the official {schemaName}.json in {disagreements.Count} case(s):\n" + string.Join("\n", disagreements));
    }

    private static IEnumerable<string> Disagreements(System.Text.Json.Serialization.Metadata.JsonTypeInfo contract, SchemaNode schema)
    {
        foreach (var finding in ContractNames.NotInSchema(contract, schema))
            yield return finding;

        foreach (var @case in SchemaCases.For(schema))
        {
            var payload = JsonSerializer.SerializeToElement(@case.Payload);
            var violations = OcppPayloadValidator.Shared.Validate(contract, payload);
            var verdict = violations.Count == 0 ? "accepted" : string.Join("; ", violations.Select(violation => violation.ToString()));
            if (@case.Expected is not { } expected)
            {
                if (violations.Count != 0)
                    yield return $"{@case.What}: the schema accepts it, the validator reports {verdict}";
            }
            else if (violations.Count != 1 || violations[0].Code != expected.Code || violations[0].Path != expected.Path)
            {
                yield return $"{@case.What}: expected exactly {expected.Code} at {expected.Path}, the validator reports {verdict}";
            }
        }
    }
}
