using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;
using DrivePower.Tests.Ocpp.Messages;

namespace DrivePower.Tests.Ocpp.Validation;

/// <summary>
/// The string <c>maxLength</c>s of the official schemas, written out independently of the records'
/// attributes: a string of exactly that length passes, one code point more is refused at its path.
/// </summary>
public partial class MaxLengthTests
{
    public static TheoryData<string, bool, string, int> SchemaMaxLengths() => new()
    {
        { "BootNotification", true, "$.chargingStation.serialNumber", 25 },
        { "BootNotification", true, "$.chargingStation.model", 20 },
        { "BootNotification", true, "$.chargingStation.vendorName", 50 },
        { "BootNotification", true, "$.chargingStation.firmwareVersion", 50 },
        { "BootNotification", true, "$.chargingStation.modem.iccid", 20 },
        { "BootNotification", true, "$.chargingStation.modem.imsi", 20 },
        { "BootNotification", true, "$.customData.vendorId", 255 },
        { "BootNotification", false, "$.statusInfo.reasonCode", 20 },
        { "BootNotification", false, "$.statusInfo.additionalInfo", 512 },
        { "Authorize", true, "$.idToken.idToken", 36 },
        { "Authorize", true, "$.idToken.additionalInfo[0].additionalIdToken", 36 },
        { "Authorize", true, "$.idToken.additionalInfo[0].type", 50 },
        { "Authorize", true, "$.certificate", 5500 },
        { "Authorize", true, "$.iso15118CertificateHashData[0].issuerNameHash", 128 },
        { "Authorize", true, "$.iso15118CertificateHashData[0].issuerKeyHash", 128 },
        { "Authorize", true, "$.iso15118CertificateHashData[0].serialNumber", 40 },
        { "Authorize", true, "$.iso15118CertificateHashData[0].responderURL", 512 },
        { "Authorize", false, "$.idTokenInfo.language1", 8 },
        { "Authorize", false, "$.idTokenInfo.language2", 8 },
        { "Authorize", false, "$.idTokenInfo.personalMessage.language", 8 },
        { "Authorize", false, "$.idTokenInfo.personalMessage.content", 512 },
        { "TransactionEvent", true, "$.transactionInfo.transactionId", 36 },
        { "TransactionEvent", true, "$.meterValue[0].sampledValue[0].signedMeterValue.signedMeterData", 2500 },
        { "TransactionEvent", true, "$.meterValue[0].sampledValue[0].signedMeterValue.signingMethod", 50 },
        { "TransactionEvent", true, "$.meterValue[0].sampledValue[0].signedMeterValue.encodingMethod", 50 },
        { "TransactionEvent", true, "$.meterValue[0].sampledValue[0].signedMeterValue.publicKey", 2500 },
        { "TransactionEvent", true, "$.meterValue[0].sampledValue[0].unitOfMeasure.unit", 20 },
        { "NotifyEvent", true, "$.eventData[0].actualValue", 2500 },
        { "NotifyEvent", true, "$.eventData[0].techCode", 50 },
        { "NotifyEvent", true, "$.eventData[0].techInfo", 500 },
        { "NotifyEvent", true, "$.eventData[0].transactionId", 36 },
        { "NotifyEvent", true, "$.eventData[0].component.name", 50 },
        { "NotifyEvent", true, "$.eventData[0].component.instance", 50 },
        { "NotifyEvent", true, "$.eventData[0].variable.name", 50 },
        { "NotifyEvent", true, "$.eventData[0].variable.instance", 50 },
        { "NotifyReport", true, "$.reportData[0].variableAttribute[0].value", 2500 },
        { "NotifyReport", true, "$.reportData[0].variableCharacteristics.unit", 16 },
        { "NotifyReport", true, "$.reportData[0].variableCharacteristics.valuesList", 1000 },
        { "SecurityEventNotification", true, "$.type", 50 },
        { "SecurityEventNotification", true, "$.techInfo", 255 },
        { "DataTransfer", true, "$.messageId", 50 },
        { "DataTransfer", true, "$.vendorId", 255 },
        { "RequestStartTransaction", true, "$.chargingProfile.transactionId", 36 },
        { "RequestStartTransaction", true, "$.chargingProfile.chargingSchedule[0].salesTariff.salesTariffDescription", 32 },
        { "RequestStartTransaction", false, "$.transactionId", 36 },
        { "RequestStopTransaction", true, "$.transactionId", 36 },
        { "GetTransactionStatus", true, "$.transactionId", 36 },
        { "GetVariables", false, "$.getVariableResult[0].attributeValue", 2500 },
        { "SetVariables", true, "$.setVariableData[0].attributeValue", 1000 },
        { "GetLog", true, "$.log.remoteLocation", 512 },
        { "NotifyCustomerInformation", true, "$.data", 512 },
        { "UpdateFirmware", true, "$.firmware.location", 512 },
        { "UpdateFirmware", true, "$.firmware.signature", 800 },
    };

    [Theory]
    [MemberData(nameof(SchemaMaxLengths))]
    public void A_string_at_its_maxLength_passes_and_one_code_point_more_is_refused(string actionName, bool request, string path, int maxLength)
    {
        var action = OcppActions.Find(actionName)!;
        var (exampleRequest, exampleResponse) = OcppExamples.ByAction[actionName];
        var example = JsonNode.Parse(request ? exampleRequest : exampleResponse)!;

        IReadOnlyList<OcppViolation> ValidateWith(string text)
        {
            var payload = example.DeepClone();
            Replace(payload, path, text);
            var element = JsonSerializer.SerializeToElement(payload);
            return request ? action.ValidateRequest(element) : action.ValidateResponse(element);
        }

        Assert.Empty(ValidateWith(new string('x', maxLength)));
        var violation = Assert.Single(ValidateWith(new string('x', maxLength + 1)));
        Assert.Equal((OcppErrorCode.PropertyConstraintViolation, path), (violation.Code, violation.Path));
    }

    /// <summary>Replaces the string at a <c>$.a.b[0].c</c> path, which must already hold one in the example.</summary>
    private static void Replace(JsonNode root, string path, string text)
    {
        var steps = Step().Matches(path).Select(match => match.Value).ToList();
        var parent = root;
        foreach (var step in steps[..^1])
            parent = step[0] == '[' ? parent[int.Parse(step[1..^1])]! : parent[step[1..]]!;

        var last = steps[^1][1..];
        Assert.Equal(JsonValueKind.String, parent[last]!.GetValueKind());
        parent[last] = text;
    }

    [GeneratedRegex(@"\.[A-Za-z0-9]+|\[\d+\]")]
    private static partial Regex Step();
}
