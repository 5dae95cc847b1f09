using System.Text.Json;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Tests.Ocpp.Validation;

/// <summary>
/// The validator reads plain strings and property names where they lie in the JSON, without decoding
/// them; text written with escapes, or with multi-byte characters, must be judged as its decoded value.
/// </summary>
public class EscapedTextTests
{
    private static IReadOnlyList<OcppViolation> Authorize(string idTokenJson, string type = "\"Central\"") =>
        OcppActions.Find("Authorize")!.ValidateRequest(JsonDocument.Parse($$$"""{"idToken":{"idToken":{{{idTokenJson}}},"type":{{{type}}}}}""").RootElement);

    [Theory]
    [InlineData(36, true)]
    [InlineData(37, false)]
    public void Escaped_characters_count_once_each_towards_maxLength(int count, bool valid)
    {
        var escaped = "\"" + string.Concat(Enumerable.Repeat(@"\u00e9", count)) + "\"";

        Assert.Equal(valid, Authorize(escaped).Count == 0);
    }

    [Theory]
    [InlineData(36, true)]
    [InlineData(37, false)]
    public void Multi_byte_characters_written_as_they_are_count_once_each_towards_maxLength(int count, bool valid)
    {
        // é (2 bytes in UTF-8) and 😀 (4 bytes, two UTF-16 chars) in turn.
        var text = "\"" + string.Concat(Enumerable.Range(0, count).Select(i => i % 2 == 0 ? "é" : "😀")) + "\"";

        Assert.Equal(valid, Authorize(text).Count == 0);
    }

    [Fact]
    public void An_enum_value_written_with_an_escape_is_the_value_it_decodes_to()
    {
        Assert.Empty(Authorize("\"T1\"", "\"C\\u0065ntral\""));
        var violation = Assert.Single(Authorize("\"T1\"", "\"C\\u0065ntra\""));
        Assert.Equal((OcppErrorCode.PropertyConstraintViolation, "$.idToken.type"), (violation.Code, violation.Path));
    }

    [Fact]
    public void A_property_name_written_with_an_escape_is_the_name_it_decodes_to()
    {
        var payload = JsonDocument.Parse("""{"idToken":{"id\u0054oken":"T1","\u0074ype":"Central"}}""").RootElement;

        Assert.Empty(OcppActions.Find("Authorize")!.ValidateRequest(payload));
    }

    [Fact]
    public void A_required_property_given_twice_does_not_stand_in_for_a_missing_one()
    {
        var payload = JsonDocument.Parse("""{"idToken":{"idToken":"T1","idToken":"T2"}}""").RootElement;

        var violation = Assert.Single(OcppActions.Find("Authorize")!.ValidateRequest(payload));
        Assert.Equal((OcppErrorCode.OccurrenceConstraintViolation, "$.idToken.type"), (violation.Code, violation.Path));
    }

    [Theory]
    [InlineData("\"2026-12-02T12:00:00\\u005a\"", true)]
    [InlineData("\"2026-12-02T12:00:00\\u005b\"", false)]
    [InlineData("\"2026-12-02T12:00:00.123456789+01:00\"", true)]
    public void A_date_time_is_judged_by_its_decoded_text(string timestamp, bool valid)
    {
        var payload = JsonDocument.Parse($$"""{"currentTime":{{timestamp}},"interval":30,"status":"Accepted"}""").RootElement;

        Assert.Equal(valid, OcppActions.Find("BootNotification")!.ValidateResponse(payload).Count == 0);
    }

    [Fact]
    public void A_NUL_written_as_an_escape_in_an_enum_free_string_is_found()
    {
        var violation = Assert.Single(Authorize("\"T\\u00001\""));
        Assert.Equal((OcppErrorCode.PropertyConstraintViolation, "$.idToken.idToken"), (violation.Code, violation.Path));
    }
}
