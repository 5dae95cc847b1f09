using System.Text.Json;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;
using DrivePower.Tests.Ocpp.Messages;

namespace DrivePower.Tests.Ocpp.Validation;

public class OcppPayloadValidatorTests
{
    private const string Boot = """{"chargingStation":{"model":"DP-22","vendorName":"DrivePower"},"reason":"PowerUp"}""";
    private const string Status = """{"timestamp":"2025-06-01T12:00:00Z","connectorStatus":"Available","evseId":1,"connectorId":1}""";

    [Theory]
    [MemberData(nameof(OcppExamples.ActionNames), MemberType = typeof(OcppExamples))]
    public void A_valid_request_and_response_of_every_action_are_accepted(string actionName)
    {
        var action = OcppActions.Find(actionName)!;
        var (request, response) = OcppExamples.ByAction[actionName];

        Assert.Empty(action.ValidateRequest(Parse(request)));
        Assert.Empty(action.ValidateResponse(Parse(response)));
    }

    [Fact]
    public void Each_validation_reports_only_its_own_payload_even_right_after_one_that_failed_deep_inside()
    {
        // The validator reuses its working state per thread; nothing of one payload may reach the next.
        var boot = OcppActions.Find("BootNotification")!;
        var failed = boot.ValidateRequest(Parse("""{"chargingStation":{"vendorName":"V","model":7},"reason":"Reboot!"}"""));
        var passed = boot.ValidateRequest(Parse(Boot));
        var missing = Assert.Single(boot.ValidateRequest(Parse("""{"chargingStation":{"model":"M","vendorName":"V"}}""")));

        Assert.Equal(["$.chargingStation.model", "$.reason"], failed.Select(v => v.Path).Order());
        Assert.Empty(passed);
        Assert.Equal("$.reason", missing.Path);
    }

    [Theory]
    [MemberData(nameof(OcppExamples.ActionNames), MemberType = typeof(OcppExamples))]
    public void An_unknown_property_on_any_action_is_a_FormatViolation_naming_its_path(string actionName)
    {
        var action = OcppActions.Find(actionName)!;
        var request = OcppExamples.ByAction[actionName].Request;
        var withExtra = request == "{}" ? """{"unexpected":1}""" : """{"unexpected":1,""" + request[1..];

        var violation = Assert.Single(action.ValidateRequest(Parse(withExtra)));

        Assert.Equal((OcppErrorCode.FormatViolation, "$.unexpected"), (violation.Code, violation.Path));
    }

    [Theory]
    [InlineData("BootNotification", """{"chargingStation":{"vendorName":"V"},"reason":"PowerUp"}""", "$.chargingStation.model")]
    [InlineData("BootNotification", """{"chargingStation":{"model":"M","vendorName":"V"}}""", "$.reason")]
    [InlineData("MeterValues", """{"evseId":1,"meterValue":[{"timestamp":"2025-06-01T12:00:00Z","sampledValue":[{"value":1},{}]}]}""", "$.meterValue[0].sampledValue[1].value")]
    [InlineData("TransactionEvent", """{"eventType":"Started","timestamp":"2025-06-01T12:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{}}""", "$.transactionInfo.transactionId")]
    [InlineData("Heartbeat", """{"customData":{"extra":true}}""", "$.customData.vendorId")]
    [InlineData("SetChargingProfile", """{"chargingProfile":{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":7000}]}]}}""", "$.evseId")]
    [InlineData("SetChargingProfile", """{"evseId":0,"chargingProfile":{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"numberPhases":3}]}]}}""", "$.chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit")]
    [InlineData("GetChargingProfiles", """{"requestId":1}""", "$.chargingProfile")]
    [InlineData("ReportChargingProfiles", """{"requestId":1,"chargingLimitSource":"CSO","chargingProfile":[{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":7000}]}]}]}""", "$.evseId")]
    [InlineData("GetCompositeSchedule", """{"evseId":1}""", "$.duration")]
    [InlineData("NotifyChargingLimit", """{"evseId":1,"chargingLimit":{}}""", "$.chargingLimit.chargingLimitSource")]
    [InlineData("ClearedChargingLimit", """{"evseId":1}""", "$.chargingLimitSource")]
    [InlineData("ReserveNow", """{"id":1,"idToken":{"idToken":"A","type":"Local"}}""", "$.expiryDateTime")]
    [InlineData("ReservationStatusUpdate", """{"reservationId":1}""", "$.reservationUpdateStatus")]
    [InlineData("SendLocalList", """{"updateType":"Full"}""", "$.versionNumber")]
    [InlineData("SendLocalList", """{"versionNumber":1,"updateType":"Full","localAuthorizationList":[{"idTokenInfo":{"status":"Accepted"}}]}""", "$.localAuthorizationList[0].idToken")]
    [InlineData("SetDisplayMessage", """{"message":{"id":1,"priority":"InFront"}}""", "$.message.message")]
    [InlineData("NotifyDisplayMessages", """{"tbc":false}""", "$.requestId")]
    [InlineData("GetLog", """{"logType":"DiagnosticsLog","requestId":1,"log":{}}""", "$.log.remoteLocation")]
    [InlineData("CustomerInformation", """{"requestId":1,"report":true}""", "$.clear")]
    [InlineData("NotifyCustomerInformation", """{"data":"x","seqNo":0,"requestId":1}""", "$.generatedAt")]
    [InlineData("SetVariableMonitoring", """{"setMonitoringData":[{"value":1,"type":"Delta","component":{"name":"EVSE"},"variable":{"name":"Power"}}]}""", "$.setMonitoringData[0].severity")]
    [InlineData("NotifyMonitoringReport", """{"requestId":1,"seqNo":0,"generatedAt":"2025-06-01T12:00:00Z","monitor":[{"component":{"name":"EVSE"},"variable":{"name":"Power"},"variableMonitoring":[{"id":1,"value":1,"type":"Delta","severity":1}]}]}""", "$.monitor[0].variableMonitoring[0].transaction")]
    [InlineData("UpdateFirmware", """{"requestId":1,"firmware":{"location":"http://x/fw.bin"}}""", "$.firmware.retrieveDateTime")]
    public void A_missing_required_property_is_an_OccurrenceConstraintViolation_naming_its_path(string action, string payload, string path) =>
        AssertSingle(Request(action, payload), OcppErrorCode.OccurrenceConstraintViolation, path);

    [Theory]
    [InlineData("BootNotification", """{"chargingStation":{"model":"M","vendorName":"V","colour":"red"},"reason":"PowerUp"}""", "$.chargingStation.colour")]
    [InlineData("MeterValues", """{"evseId":1,"meterValue":[{"timestamp":"2025-06-01T12:00:00Z","sampledValue":[{"value":1,"Value":2}]}]}""", "$.meterValue[0].sampledValue[0].Value")]
    [InlineData("Authorize", """{"idToken":{"idToken":"A","type":"Local","extra":{}}}""", "$.idToken.extra")]
    public void An_unknown_nested_property_is_a_FormatViolation_because_property_names_are_exact(string action, string payload, string path) =>
        AssertSingle(Request(action, payload), OcppErrorCode.FormatViolation, path);

    [Theory]
    [InlineData("""{"timestamp":"2025-06-01T12:00:00Z","connectorStatus":"Available","evseId":"1","connectorId":1}""", "$.evseId")]
    [InlineData("""{"timestamp":"2025-06-01T12:00:00Z","connectorStatus":"Available","evseId":1,"connectorId":1.5}""", "$.connectorId")]
    [InlineData("""{"timestamp":"2025-06-01T12:00:00Z","connectorStatus":"Available","evseId":1,"connectorId":null}""", "$.connectorId")]
    [InlineData("""{"timestamp":"2025-06-01T12:00:00Z","connectorStatus":0,"evseId":1,"connectorId":1}""", "$.connectorStatus")]
    [InlineData("""{"timestamp":1748779200,"connectorStatus":"Available","evseId":1,"connectorId":1}""", "$.timestamp")]
    [InlineData("""{"timestamp":"2025-06-01T12:00:00Z","connectorStatus":"Available","evseId":true,"connectorId":1}""", "$.evseId")]
    [InlineData("""{"timestamp":"2025-06-01T12:00:00Z","connectorStatus":"Available","evseId":1,"connectorId":1,"customData":null}""", "$.customData")]
    [InlineData("""{"timestamp":"2025-06-01T12:00:00Z","connectorStatus":"Available","evseId":1,"connectorId":1,"customData":[]}""", "$.customData")]
    public void A_value_of_the_wrong_JSON_type_or_null_is_a_TypeConstraintViolation(string payload, string path) =>
        AssertSingle(Request("StatusNotification", payload), OcppErrorCode.TypeConstraintViolation, path);

    [Theory]
    [InlineData("BootNotification", """{"chargingStation":[],"reason":"PowerUp"}""", "$.chargingStation")]
    [InlineData("BootNotification", """{"chargingStation":{"model":5,"vendorName":"V"},"reason":"PowerUp"}""", "$.chargingStation.model")]
    [InlineData("MeterValues", """{"evseId":1,"meterValue":{}}""", "$.meterValue")]
    [InlineData("MeterValues", """{"evseId":1,"meterValue":[{"timestamp":"2025-06-01T12:00:00Z","sampledValue":[{"value":"1"}]}]}""", "$.meterValue[0].sampledValue[0].value")]
    [InlineData("Authorize", """{"idToken":{"idToken":"A","type":"Local","additionalInfo":[null]}}""", "$.idToken.additionalInfo[0]")]
    [InlineData("SetChargingProfile", """{"evseId":1,"chargingProfile":{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":"7000"}]}]}}""", "$.chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit")]
    [InlineData("SetChargingProfile", """{"evseId":1,"chargingProfile":{"id":1,"stackLevel":0.5,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":7000}]}]}}""", "$.chargingProfile.stackLevel")]
    [InlineData("GetCompositeSchedule", """{"duration":"60","evseId":1}""", "$.duration")]
    [InlineData("ClearChargingProfile", """{"chargingProfileCriteria":{"evseId":true}}""", "$.chargingProfileCriteria.evseId")]
    [InlineData("ReserveNow", """{"id":1,"expiryDateTime":"soon","idToken":{"idToken":"A","type":"Local"}}""", "$.expiryDateTime")]
    [InlineData("CancelReservation", """{"reservationId":"1"}""", "$.reservationId")]
    [InlineData("SendLocalList", """{"versionNumber":1.5,"updateType":"Full"}""", "$.versionNumber")]
    [InlineData("ClearDisplayMessage", """{"id":"4"}""", "$.id")]
    [InlineData("CostUpdated", """{"totalCost":"1.50","transactionId":"tx-1"}""", "$.totalCost")]
    [InlineData("GetLog", """{"logType":"DiagnosticsLog","requestId":1,"retries":"3","log":{"remoteLocation":"http://x"}}""", "$.retries")]
    [InlineData("CustomerInformation", """{"requestId":1,"report":"yes","clear":false}""", "$.report")]
    [InlineData("ClearVariableMonitoring", """{"id":[1,"2"]}""", "$.id[1]")]
    [InlineData("SetMonitoringLevel", """{"severity":2.5}""", "$.severity")]
    [InlineData("UpdateFirmware", """{"requestId":1,"retryInterval":2.5,"firmware":{"location":"http://x","retrieveDateTime":"2025-06-01T12:00:00Z"}}""", "$.retryInterval")]
    public void A_nested_value_of_the_wrong_type_is_a_TypeConstraintViolation_naming_its_path(string action, string payload, string path) =>
        AssertSingle(Request(action, payload), OcppErrorCode.TypeConstraintViolation, path);

    [Theory]
    [InlineData("2025-06-01T12:00:00")]
    [InlineData("2025-06-01 12:00:00Z")]
    [InlineData("2025-06-01")]
    [InlineData("2025-02-29T12:00:00Z")]
    [InlineData("2025-06-01T24:00:00Z")]
    [InlineData("2025-06-01T12:00:00.Z")]
    [InlineData("2025-06-01T12:00:00+0200")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void A_string_that_is_not_an_RFC_3339_date_time_is_a_TypeConstraintViolation(string timestamp) =>
        AssertSingle(
            Request("StatusNotification", Status.Replace("2025-06-01T12:00:00Z", timestamp)),
            OcppErrorCode.TypeConstraintViolation,
            "$.timestamp");

    [Theory]
    [InlineData("2024-02-29T23:59:59Z")]
    [InlineData("2025-06-01t12:00:00z")]
    [InlineData("2025-06-01T12:00:00.123456789+05:30")]
    [InlineData("2025-06-01T12:00:00-00:00")]
    public void Any_RFC_3339_date_time_is_accepted(string timestamp) =>
        Assert.Empty(Request("StatusNotification", Status.Replace("2025-06-01T12:00:00Z", timestamp)));

    [Theory]
    [InlineData("BootNotification", """{"chargingStation":{"model":"M","vendorName":"V"},"reason":"powerUp"}""", "$.reason")]
    [InlineData("BootNotification", """{"chargingStation":{"model":"M","vendorName":"V"},"reason":"PowerUp "}""", "$.reason")]
    [InlineData("MeterValues", """{"evseId":1,"meterValue":[{"timestamp":"2025-06-01T12:00:00Z","sampledValue":[{"value":1},{"value":2,"measurand":"energy.active.import.register"}]}]}""", "$.meterValue[0].sampledValue[1].measurand")]
    [InlineData("MeterValues", """{"evseId":1,"meterValue":[{"timestamp":"2025-06-01T12:00:00Z","sampledValue":[{"value":1,"measurand":"EnergyActiveImportRegister"}]}]}""", "$.meterValue[0].sampledValue[0].measurand")]
    [InlineData("MeterValues", """{"evseId":1,"meterValue":[{"timestamp":"2025-06-01T12:00:00Z","sampledValue":[{"value":1,"phase":"L1N"}]}]}""", "$.meterValue[0].sampledValue[0].phase")]
    [InlineData("Authorize", """{"idToken":{"idToken":"A","type":"emaid"}}""", "$.idToken.type")]
    [InlineData("SetChargingProfile", """{"evseId":1,"chargingProfile":{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxDefault","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":7000}]}]}}""", "$.chargingProfile.chargingProfilePurpose")]
    [InlineData("SetChargingProfile", """{"evseId":1,"chargingProfile":{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"kW","chargingSchedulePeriod":[{"startPeriod":0,"limit":7000}]}]}}""", "$.chargingProfile.chargingSchedule[0].chargingRateUnit")]
    [InlineData("GetCompositeSchedule", """{"duration":60,"evseId":1,"chargingRateUnit":"w"}""", "$.chargingRateUnit")]
    [InlineData("ClearedChargingLimit", """{"chargingLimitSource":"Grid"}""", "$.chargingLimitSource")]
    [InlineData("ReserveNow", """{"id":1,"expiryDateTime":"2025-06-01T13:00:00Z","connectorType":"CCCS1","idToken":{"idToken":"A","type":"Local"}}""", "$.connectorType")]
    [InlineData("ReservationStatusUpdate", """{"reservationId":1,"reservationUpdateStatus":"Cancelled"}""", "$.reservationUpdateStatus")]
    [InlineData("SendLocalList", """{"versionNumber":1,"updateType":"Partial"}""", "$.updateType")]
    [InlineData("SetDisplayMessage", """{"message":{"id":1,"priority":"Urgent","message":{"format":"UTF8","content":"Hi"}}}""", "$.message.priority")]
    [InlineData("GetDisplayMessages", """{"requestId":1,"state":"Busy"}""", "$.state")]
    [InlineData("GetLog", """{"logType":"SystemLog","requestId":1,"log":{"remoteLocation":"http://x"}}""", "$.logType")]
    [InlineData("SetMonitoringBase", """{"monitoringBase":"all"}""", "$.monitoringBase")]
    [InlineData("GetMonitoringReport", """{"requestId":1,"monitoringCriteria":["ThresholdMonitoring","Alerting"]}""", "$.monitoringCriteria[1]")]
    [InlineData("FirmwareStatusNotification", """{"status":"InstallationFailure","requestId":1}""", "$.status")]
    public void An_enum_value_outside_the_schema_or_in_another_case_is_a_PropertyConstraintViolation(string action, string payload, string path) =>
        AssertSingle(Request(action, payload), OcppErrorCode.PropertyConstraintViolation, path);

    [Theory]
    [InlineData("BootNotification", """{"chargingStation":{"model":"DP-22-1234567890-ABCD","vendorName":"V"},"reason":"PowerUp"}""", "$.chargingStation.model")]
    [InlineData("Heartbeat", """{"customData":{"vendorId":"@V256@"}}""", "$.customData.vendorId")]
    [InlineData("RequestStopTransaction", """{"transactionId":"0123456789012345678901234567890123456"}""", "$.transactionId")]
    [InlineData("SetChargingProfile", """{"evseId":1,"chargingProfile":{"id":1,"stackLevel":0,"transactionId":"0123456789012345678901234567890123456","chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":7000}]}]}}""", "$.chargingProfile.transactionId")]
    [InlineData("ReserveNow", """{"id":1,"expiryDateTime":"2025-06-01T13:00:00Z","idToken":{"idToken":"0123456789012345678901234567890123456","type":"Local"}}""", "$.idToken.idToken")]
    [InlineData("SetDisplayMessage", """{"message":{"id":1,"priority":"InFront","message":{"format":"UTF8","content":"Hi"},"display":{"name":"@V51@"}}}""", "$.message.display.name")]
    [InlineData("CostUpdated", """{"totalCost":1.5,"transactionId":"0123456789012345678901234567890123456"}""", "$.transactionId")]
    public void A_string_longer_than_its_maxLength_is_a_PropertyConstraintViolation(string action, string payload, string path) =>
        AssertSingle(Request(action, payload.Replace("@V256@", new string('V', 256)).Replace("@V51@", new string('V', 51))), OcppErrorCode.PropertyConstraintViolation, path);

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void MaxLength_counts_code_points_not_UTF16_units(int emoji, bool accepted)
    {
        var model = string.Concat(Enumerable.Repeat("\U0001F50C", emoji)); // 2 UTF-16 units each
        var payload = JsonSerializer.Serialize(new { chargingStation = new { model, vendorName = "V" }, reason = "PowerUp" });

        Assert.Equal(accepted, Request("BootNotification", payload).Count == 0);
    }

    [Theory]
    [InlineData("MeterValues", """{"evseId":1,"meterValue":[]}""", "$.meterValue")]
    [InlineData("MeterValues", """{"evseId":1,"meterValue":[{"timestamp":"2025-06-01T12:00:00Z","sampledValue":[]}]}""", "$.meterValue[0].sampledValue")]
    [InlineData("Authorize", """{"idToken":{"idToken":"A","type":"Local"},"iso15118CertificateHashData":[@H@,@H@,@H@,@H@,@H@]}""", "$.iso15118CertificateHashData")]
    [InlineData("NotifyReport", """{"requestId":1,"generatedAt":"2025-06-01T12:00:00Z","seqNo":0,"reportData":[{"component":{"name":"C"},"variable":{"name":"V"},"variableAttribute":[{},{},{},{},{}]}]}""", "$.reportData[0].variableAttribute")]
    [InlineData("SetChargingProfile", """{"evseId":1,"chargingProfile":{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[]}]}}""", "$.chargingProfile.chargingSchedule[0].chargingSchedulePeriod")]
    [InlineData("GetChargingProfiles", """{"requestId":1,"chargingProfile":{"chargingLimitSource":["EMS","SO","CSO","Other","EMS"]}}""", "$.chargingProfile.chargingLimitSource")]
    [InlineData("ReportChargingProfiles", """{"requestId":1,"chargingLimitSource":"CSO","chargingProfile":[],"evseId":1}""", "$.chargingProfile")]
    [InlineData("SendLocalList", """{"versionNumber":1,"updateType":"Full","localAuthorizationList":[]}""", "$.localAuthorizationList")]
    [InlineData("ClearVariableMonitoring", """{"id":[]}""", "$.id")]
    [InlineData("GetMonitoringReport", """{"requestId":1,"monitoringCriteria":["ThresholdMonitoring","DeltaMonitoring","PeriodicMonitoring","DeltaMonitoring"]}""", "$.monitoringCriteria")]
    public void Too_few_or_too_many_array_items_is_an_OccurrenceConstraintViolation(string action, string payload, string path) =>
        AssertSingle(
            Request(action, payload.Replace("@H@", """{"hashAlgorithm":"SHA256","issuerNameHash":"a","issuerKeyHash":"b","serialNumber":"c","responderURL":"u"}""")),
            OcppErrorCode.OccurrenceConstraintViolation,
            path);

    [Fact]
    public void Four_items_where_maxItems_is_four_are_accepted()
    {
        const string hash = """{"hashAlgorithm":"SHA256","issuerNameHash":"a","issuerKeyHash":"b","serialNumber":"c","responderURL":"u"}""";
        var payload = $$"""{"idToken":{"idToken":"A","type":"Local"},"iso15118CertificateHashData":[{{hash}},{{hash}},{{hash}},{{hash}}]}""";

        Assert.Empty(Request("Authorize", payload));
    }

    [Theory]
    [InlineData(-1, OcppErrorCode.PropertyConstraintViolation)]
    [InlineData(0, null)]
    public void A_number_below_its_schema_minimum_is_a_PropertyConstraintViolation(int ePriceLevel, OcppErrorCode? expected)
    {
        var payload = """
            {"idToken":{"idToken":"A","type":"Central"},"remoteStartId":1,"chargingProfile":{"id":1,"stackLevel":0,
             "chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"chargingRateUnit":"W",
             "chargingSchedulePeriod":[{"startPeriod":0,"limit":11000}],
             "salesTariff":{"id":1,"salesTariffEntry":[{"relativeTimeInterval":{"start":0},"ePriceLevel":LEVEL}]}}]}}
            """.Replace("LEVEL", ePriceLevel.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var violations = Request("RequestStartTransaction", payload);

        if (expected is null)
            Assert.Empty(violations);
        else
            AssertSingle(violations, expected.Value, "$.chargingProfile.chargingSchedule[0].salesTariff.salesTariffEntry[0].ePriceLevel");
    }

    [Theory]
    [InlineData("3.0")]
    [InlineData("3e0")]
    [InlineData("30e-1")]
    public void An_integer_with_a_zero_fraction_is_an_integer_as_in_JSON_Schema_draft_06(string connectorId) =>
        Assert.Empty(Request("StatusNotification", Status.Replace("\"connectorId\":1", $"\"connectorId\":{connectorId}")));

    [Fact]
    public void An_integer_beyond_32_bits_is_a_PropertyConstraintViolation() =>
        AssertSingle(
            Request("StatusNotification", Status.Replace("\"connectorId\":1", "\"connectorId\":3000000000")),
            OcppErrorCode.PropertyConstraintViolation,
            "$.connectorId");

    [Fact]
    public void A_number_too_large_to_hold_is_a_PropertyConstraintViolation_not_a_crash() =>
        AssertSingle(
            Request("MeterValues", """{"evseId":1,"meterValue":[{"timestamp":"2025-06-01T12:00:00Z","sampledValue":[{"value":1e400}]}]}"""),
            OcppErrorCode.PropertyConstraintViolation,
            "$.meterValue[0].sampledValue[0].value");

    [Theory]
    [InlineData("[]")]
    [InlineData("\"BootNotification\"")]
    [InlineData("null")]
    public void A_payload_that_is_not_an_object_is_a_FormatViolation_at_the_root(string payload) =>
        AssertSingle(Request("Heartbeat", payload), OcppErrorCode.FormatViolation, "$");

    [Fact]
    public void CustomData_may_carry_any_extra_properties_beside_its_vendorId()
    {
        var payload = """{"customData":{"vendorId":"com.x","anything":{"deep":[1,"two",null]},"flag":null}}""";

        Assert.Empty(Request("Heartbeat", payload));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1,{\"a\":null}]")]
    [InlineData("\"text\"")]
    [InlineData("42.5")]
    public void DataTransfer_data_is_any_JSON_value_because_its_schema_has_no_type(string data) =>
        Assert.Empty(Request("DataTransfer", $$"""{"vendorId":"com.x","data":{{data}}}"""));

    [Fact]
    public void Every_violation_in_a_payload_is_reported()
    {
        var violations = Request("BootNotification", """{"chargingStation":{"model":"M"},"reason":"Boot","extra":1}""");

        Assert.Equal(
            [
                (OcppErrorCode.OccurrenceConstraintViolation, "$.chargingStation.vendorName"),
                (OcppErrorCode.FormatViolation, "$.extra"),
                (OcppErrorCode.PropertyConstraintViolation, "$.reason"),
            ],
            violations.Select(v => (v.Code, v.Path)).OrderBy(v => v.Path, StringComparer.Ordinal));
    }

    [Fact]
    public void A_CALLERROR_for_several_violations_carries_the_first_and_counts_the_rest()
    {
        var violations = Request("BootNotification", """{"chargingStation":{"model":"M"},"reason":"Boot","extra":1}""");

        var error = violations.ToCallError("42");

        Assert.Equal(violations[0].Code.ToString(), error.ErrorCode);
        Assert.Equal(violations[0].Description + " (and 2 more)", error.ErrorDescription);
    }

    [Fact]
    public void The_number_of_violations_reported_is_bounded()
    {
        var payload = "{" + string.Join(",", Enumerable.Range(0, 500).Select(i => $"\"p{i}\":{i}")) + "}";

        Assert.Equal(OcppPayloadValidator.MaxViolations, Request("Heartbeat", payload).Count);
    }

    [Fact]
    public void The_description_names_the_path_and_limit_but_never_quotes_the_offending_value()
    {
        var model = new string('x', 10_000);
        var violation = Assert.Single(Request("BootNotification", Boot.Replace("DP-22", model)));

        Assert.Equal("$.chargingStation.model: exceeds maxLength 20", violation.Description);
        var call = violation.ToCallError("id-1");
        Assert.Equal(("id-1", "PropertyConstraintViolation", violation.Description), (call.MessageId, call.ErrorCode, call.ErrorDescription));
    }

    [Fact]
    public void An_enum_violation_does_not_echo_the_value_it_refused()
    {
        var violation = Assert.Single(Request("BootNotification", Boot.Replace("PowerUp", "<script>alert(1)</script>")));

        Assert.DoesNotContain("script", violation.Description);
        Assert.StartsWith("$.reason: ", violation.Description);
    }

    [Fact]
    public void A_long_or_odd_unknown_property_name_is_cut_and_quoted_in_the_path()
    {
        var name = "a'b" + new string('n', 1000);
        var violation = Assert.Single(Request("Heartbeat", JsonSerializer.Serialize(new Dictionary<string, int> { [name] = 1 })));

        Assert.Equal(OcppErrorCode.FormatViolation, violation.Code);
        Assert.StartsWith("$['a\\'bnnn", violation.Path);
        Assert.EndsWith("…']", violation.Path);
        Assert.True(violation.Description.Length <= CallErrorFrame.MaxDescriptionLength);
    }

    [Fact]
    public void An_outbound_record_that_breaks_its_schema_is_caught_before_it_is_sent()
    {
        var request = new BootNotificationRequest
        {
            ChargingStation = new ChargingStation { Model = "a model name well over twenty", VendorName = "DrivePower" },
            Reason = BootReason.PowerUp,
        };

        AssertSingle(OcppActionValidation.ValidateOutbound(request), OcppErrorCode.PropertyConstraintViolation, "$.chargingStation.model");
        Assert.Empty(OcppActionValidation.ValidateOutbound(request with { ChargingStation = request.ChargingStation with { Model = "DP-22" } }));
    }

    [Fact]
    public void An_outbound_list_with_too_few_items_is_caught()
    {
        var request = new GetVariablesRequest { GetVariableData = [] };

        AssertSingle(
            OcppActionValidation.ValidateOutbound(request, OcppJsonContext.Default.GetVariablesRequest),
            OcppErrorCode.OccurrenceConstraintViolation,
            "$.getVariableData");
    }

    [Fact]
    public void Responses_are_judged_against_the_response_contract()
    {
        var action = OcppActions.Find("BootNotification")!;

        AssertSingle(
            action.ValidateResponse(Parse("""{"currentTime":"2025-06-01T12:00:00Z","interval":300,"status":"Accepted","statusInfo":{}}""")),
            OcppErrorCode.OccurrenceConstraintViolation,
            "$.statusInfo.reasonCode");
        Assert.NotEmpty(action.ValidateResponse(Parse(Boot)));
    }

    private static IReadOnlyList<OcppViolation> Request(string action, string payload) =>
        OcppActions.Find(action)!.ValidateRequest(Parse(payload));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static void AssertSingle(IReadOnlyList<OcppViolation> violations, OcppErrorCode code, string path)
    {
        var violation = Assert.Single(violations);
        Assert.Equal((code, path), (violation.Code, violation.Path));
        Assert.StartsWith(path + ": ", violation.Description);
    }
}
