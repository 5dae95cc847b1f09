using System.Text.Json;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Tests.Ocpp.Validation;

/// <summary>U+0000 is valid JSON but no value a station means, and PostgreSQL cannot store it: refused wherever it is.</summary>
public class NulCharacterTests
{
    [Theory]
    [InlineData("BootNotification", """{"chargingStation":{"model":"a\u0000b","vendorName":"V"},"reason":"PowerUp"}""", "$.chargingStation.model")]
    [InlineData("Authorize", """{"idToken":{"idToken":"TOKEN\u0000","type":"ISO14443"}}""", "$.idToken.idToken")]
    [InlineData("SecurityEventNotification", """{"type":"\u0000","timestamp":"2025-06-01T12:00:00Z"}""", "$.type")]
    [InlineData("Heartbeat", """{"customData":{"vendorId":"com.x","note":"a\u0000"}}""", "$.customData.note")]
    [InlineData("Heartbeat", """{"customData":{"vendorId":"com.x","deep":[{"k":"\u0000"}]}}""", "$.customData.deep[0].k")]
    [InlineData("DataTransfer", """{"vendorId":"com.x","data":["ok","\u0000"]}""", "$.data[1]")]
    public void A_string_holding_U0000_is_a_PropertyConstraintViolation_naming_its_path(string action, string payload, string path)
    {
        var violation = Assert.Single(OcppActions.Find(action)!.ValidateRequest(Parse(payload)));

        Assert.Equal((OcppErrorCode.PropertyConstraintViolation, path), (violation.Code, violation.Path));
        Assert.DoesNotContain('\0', violation.Description);
    }

    [Fact]
    public void A_property_name_holding_U0000_in_customData_is_refused_and_not_echoed_raw()
    {
        var violation = Assert.Single(OcppActions.Find("Heartbeat")!.ValidateRequest(Parse("""{"customData":{"vendorId":"com.x","a\u0000":1}}""")));

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, violation.Code);
        Assert.Equal("$.customData['a\\u0000']", violation.Path);
    }

    [Fact]
    public void An_outbound_message_holding_U0000_is_caught_before_it_is_sent()
    {
        var request = new AuthorizeRequest { IdToken = new IdToken { Token = "A\0B", Type = IdTokenType.Local } };

        var violation = Assert.Single(OcppActionValidation.ValidateOutbound(request));

        Assert.Equal((OcppErrorCode.PropertyConstraintViolation, "$.idToken.idToken"), (violation.Code, violation.Path));
    }

    [Fact]
    public void Other_control_characters_stay_allowed_because_the_schemas_allow_them() =>
        Assert.Empty(OcppActions.Find("BootNotification")!.ValidateRequest(
            Parse("""{"chargingStation":{"model":"a\tb\u0001","vendorName":"V"},"reason":"PowerUp"}""")));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
