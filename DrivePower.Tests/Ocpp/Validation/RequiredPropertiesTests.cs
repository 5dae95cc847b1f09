using System.Text.Json;
using System.Text.Json.Nodes;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;
using DrivePower.Tests.Ocpp.Messages;

namespace DrivePower.Tests.Ocpp.Validation;

/// <summary>
/// The top-level "required" lists of the official schemas, written out independently of the
/// records: dropping each property of a full example must be refused exactly when the schema requires it.
/// </summary>
public class RequiredPropertiesTests
{
    public static TheoryData<string, bool, string> SchemaRequired() => new()
    {
        { "BootNotification", true, "chargingStation,reason" },
        { "BootNotification", false, "currentTime,interval,status" },
        { "Heartbeat", true, "" },
        { "Heartbeat", false, "currentTime" },
        { "StatusNotification", true, "connectorId,connectorStatus,evseId,timestamp" },
        { "StatusNotification", false, "" },
        { "Authorize", true, "idToken" },
        { "Authorize", false, "idTokenInfo" },
        { "TransactionEvent", true, "eventType,seqNo,timestamp,transactionInfo,triggerReason" },
        { "TransactionEvent", false, "" },
        { "MeterValues", true, "evseId,meterValue" },
        { "MeterValues", false, "" },
        { "NotifyEvent", true, "eventData,generatedAt,seqNo" },
        { "NotifyEvent", false, "" },
        { "NotifyReport", true, "generatedAt,requestId,seqNo" },
        { "NotifyReport", false, "" },
        { "SecurityEventNotification", true, "timestamp,type" },
        { "SecurityEventNotification", false, "" },
        { "FirmwareStatusNotification", true, "status" },
        { "FirmwareStatusNotification", false, "" },
        { "LogStatusNotification", true, "status" },
        { "LogStatusNotification", false, "" },
        { "DataTransfer", true, "vendorId" },
        { "DataTransfer", false, "status" },
        { "RequestStartTransaction", true, "idToken,remoteStartId" },
        { "RequestStartTransaction", false, "status" },
        { "RequestStopTransaction", true, "transactionId" },
        { "RequestStopTransaction", false, "status" },
        { "GetTransactionStatus", true, "" },
        { "GetTransactionStatus", false, "messagesInQueue" },
        { "Reset", true, "type" },
        { "Reset", false, "status" },
        { "ChangeAvailability", true, "operationalStatus" },
        { "ChangeAvailability", false, "status" },
        { "UnlockConnector", true, "connectorId,evseId" },
        { "UnlockConnector", false, "status" },
        { "GetVariables", true, "getVariableData" },
        { "GetVariables", false, "getVariableResult" },
        { "SetVariables", true, "setVariableData" },
        { "SetVariables", false, "setVariableResult" },
        { "GetBaseReport", true, "reportBase,requestId" },
        { "GetBaseReport", false, "status" },
        { "TriggerMessage", true, "requestedMessage" },
        { "TriggerMessage", false, "status" },
        { "ClearCache", true, "" },
        { "ClearCache", false, "status" },
        { "CostUpdated", true, "totalCost,transactionId" },
        { "CostUpdated", false, "" },
        { "UpdateFirmware", true, "firmware,requestId" },
        { "UpdateFirmware", false, "status" },
    };

    [Theory]
    [MemberData(nameof(SchemaRequired))]
    public void Dropping_a_property_is_refused_exactly_when_the_schema_requires_it(string actionName, bool request, string required)
    {
        var action = OcppActions.Find(actionName)!;
        var (exampleRequest, exampleResponse) = OcppExamples.ByAction[actionName];
        var example = JsonNode.Parse(request ? exampleRequest : exampleResponse)!.AsObject();
        var refused = new List<string>();

        foreach (var name in example.Select(property => property.Key).ToList())
        {
            var without = example.DeepClone().AsObject();
            without.Remove(name);
            var payload = JsonSerializer.SerializeToElement(without);

            var violations = request ? action.ValidateRequest(payload) : action.ValidateResponse(payload);

            if (violations.Count == 0)
                continue;
            var violation = Assert.Single(violations);
            Assert.Equal((OcppErrorCode.OccurrenceConstraintViolation, "$." + name), (violation.Code, violation.Path));
            refused.Add(name);
        }

        Assert.Equal(required, string.Join(",", refused.Order(StringComparer.Ordinal)));
    }
}
