using System.Text.Json;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Ocpp.Messages;

public class OcppMessageTests
{
    [Fact]
    public void The_catalogue_holds_every_action_with_its_exact_name_and_direction()
    {
        var expected = new Dictionary<string, OcppDirection>
        {
            ["BootNotification"] = OcppDirection.StationToCsms,
            ["Heartbeat"] = OcppDirection.StationToCsms,
            ["StatusNotification"] = OcppDirection.StationToCsms,
            ["Authorize"] = OcppDirection.StationToCsms,
            ["TransactionEvent"] = OcppDirection.StationToCsms,
            ["MeterValues"] = OcppDirection.StationToCsms,
            ["NotifyEvent"] = OcppDirection.StationToCsms,
            ["NotifyReport"] = OcppDirection.StationToCsms,
            ["SecurityEventNotification"] = OcppDirection.StationToCsms,
            ["FirmwareStatusNotification"] = OcppDirection.StationToCsms,
            ["LogStatusNotification"] = OcppDirection.StationToCsms,
            ["DataTransfer"] = OcppDirection.Both,
            ["RequestStartTransaction"] = OcppDirection.CsmsToStation,
            ["RequestStopTransaction"] = OcppDirection.CsmsToStation,
            ["GetTransactionStatus"] = OcppDirection.CsmsToStation,
            ["Reset"] = OcppDirection.CsmsToStation,
            ["ChangeAvailability"] = OcppDirection.CsmsToStation,
            ["UnlockConnector"] = OcppDirection.CsmsToStation,
            ["GetVariables"] = OcppDirection.CsmsToStation,
            ["SetVariables"] = OcppDirection.CsmsToStation,
            ["GetBaseReport"] = OcppDirection.CsmsToStation,
            ["TriggerMessage"] = OcppDirection.CsmsToStation,
            ["ClearCache"] = OcppDirection.CsmsToStation,
            ["SetChargingProfile"] = OcppDirection.CsmsToStation,
            ["GetChargingProfiles"] = OcppDirection.CsmsToStation,
            ["ReportChargingProfiles"] = OcppDirection.StationToCsms,
            ["ClearChargingProfile"] = OcppDirection.CsmsToStation,
            ["GetCompositeSchedule"] = OcppDirection.CsmsToStation,
            ["NotifyChargingLimit"] = OcppDirection.StationToCsms,
            ["ClearedChargingLimit"] = OcppDirection.StationToCsms,
            ["ReserveNow"] = OcppDirection.CsmsToStation,
            ["CancelReservation"] = OcppDirection.CsmsToStation,
            ["ReservationStatusUpdate"] = OcppDirection.StationToCsms,
            ["SendLocalList"] = OcppDirection.CsmsToStation,
            ["GetLocalListVersion"] = OcppDirection.CsmsToStation,
            ["SetDisplayMessage"] = OcppDirection.CsmsToStation,
            ["GetDisplayMessages"] = OcppDirection.CsmsToStation,
            ["NotifyDisplayMessages"] = OcppDirection.StationToCsms,
            ["ClearDisplayMessage"] = OcppDirection.CsmsToStation,
            ["CostUpdated"] = OcppDirection.CsmsToStation,
            ["GetLog"] = OcppDirection.CsmsToStation,
            ["CustomerInformation"] = OcppDirection.CsmsToStation,
            ["NotifyCustomerInformation"] = OcppDirection.StationToCsms,
            ["SetVariableMonitoring"] = OcppDirection.CsmsToStation,
            ["ClearVariableMonitoring"] = OcppDirection.CsmsToStation,
            ["SetMonitoringBase"] = OcppDirection.CsmsToStation,
            ["SetMonitoringLevel"] = OcppDirection.CsmsToStation,
            ["GetMonitoringReport"] = OcppDirection.CsmsToStation,
            ["NotifyMonitoringReport"] = OcppDirection.StationToCsms,
            ["UpdateFirmware"] = OcppDirection.CsmsToStation,
        };

        Assert.Equal(expected, OcppActions.All.ToDictionary(action => action.Name, action => action.Direction));
        Assert.All(OcppActions.All, action =>
        {
            Assert.Equal(action.Name + "Request", action.Request.Type.Name);
            Assert.Equal(action.Name + "Response", action.Response.Type.Name);
            Assert.Same(action, OcppActions.ForRequest(action.Request.Type));
        });
    }

    [Theory]
    [InlineData("bootNotification")]
    [InlineData("BOOTNOTIFICATION")]
    [InlineData("Boot")]
    public void Action_names_are_case_sensitive(string name) => Assert.Null(OcppActions.Find(name));

    [Theory]
    [MemberData(nameof(OcppExamples.ActionNames), MemberType = typeof(OcppExamples))]
    public void An_example_request_round_trips_with_every_wire_name_intact(string actionName)
    {
        var action = OcppActions.Find(actionName)!;
        AssertRoundTrips(action.Request, OcppExamples.ByAction[actionName].Request);
    }

    [Theory]
    [MemberData(nameof(OcppExamples.ActionNames), MemberType = typeof(OcppExamples))]
    public void An_example_response_round_trips_with_every_wire_name_intact(string actionName)
    {
        var action = OcppActions.Find(actionName)!;
        AssertRoundTrips(action.Response, OcppExamples.ByAction[actionName].Response);
    }

    [Fact]
    public void Every_catalogued_action_has_an_example() =>
        Assert.Equal(OcppActions.All.Select(action => action.Name).Order(), OcppExamples.ByAction.Keys.Order());

    [Fact]
    public void Measurands_phases_and_contexts_are_written_with_their_dotted_and_dashed_wire_names()
    {
        var request = new MeterValuesRequest
        {
            EvseId = 1,
            MeterValue =
            [
                new MeterValue
                {
                    Timestamp = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero),
                    SampledValue =
                    [
                        new SampledValue { Value = 1000, Measurand = Measurand.EnergyActiveImportRegister, Context = ReadingContext.SamplePeriodic },
                        new SampledValue { Value = 230.1m, Measurand = Measurand.Voltage, Phase = Phase.L1N },
                        new SampledValue { Value = 7400, Measurand = Measurand.PowerActiveImport, Phase = Phase.L3L1 },
                    ],
                },
            ],
        };

        var json = JsonSerializer.Serialize(request, OcppJsonContext.Default.MeterValuesRequest);

        Assert.Contains("\"measurand\":\"Energy.Active.Import.Register\"", json);
        Assert.Contains("\"context\":\"Sample.Periodic\"", json);
        Assert.Contains("\"phase\":\"L1-N\"", json);
        Assert.Contains("\"measurand\":\"Power.Active.Import\"", json);
        Assert.Contains("\"phase\":\"L3-L1\"", json);
    }

    [Fact]
    public void Optional_fields_left_unset_are_omitted_not_written_as_null()
    {
        var request = new TransactionEventRequest
        {
            EventType = TransactionEventType.Started,
            Timestamp = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero),
            TriggerReason = TriggerReason.Authorized,
            SeqNo = 0,
            TransactionInfo = new Transaction { TransactionId = "tx-1" },
        };

        var json = JsonSerializer.Serialize(request, OcppJsonContext.Default.TransactionEventRequest);

        Assert.Equal(
            """{"eventType":"Started","timestamp":"2025-06-01T12:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"tx-1"}}""",
            json);
    }

    [Fact]
    public void Names_that_camel_casing_would_get_wrong_are_written_as_the_schema_spells_them()
    {
        var authorize = new AuthorizeRequest
        {
            IdToken = new IdToken { Token = "AB", Type = IdTokenType.eMAID },
            Iso15118CertificateHashData =
            [
                new OcspRequestData { HashAlgorithm = HashAlgorithm.SHA256, IssuerNameHash = "a", IssuerKeyHash = "b", SerialNumber = "c", ResponderUrl = "u" },
            ],
        };
        var characteristics = new VariableCharacteristics { DataType = DataType.@string, SupportsMonitoring = false };
        var entry = new SalesTariffEntry { RelativeTimeInterval = new RelativeTimeInterval { Start = 0 }, EPriceLevel = 1 };

        var authorizeJson = JsonSerializer.Serialize(authorize, OcppJsonContext.Default.AuthorizeRequest);
        Assert.Contains("\"idToken\":{\"idToken\":\"AB\",\"type\":\"eMAID\"}", authorizeJson);
        Assert.Contains("\"iso15118CertificateHashData\":[", authorizeJson);
        Assert.Contains("\"responderURL\":\"u\"", authorizeJson);
        Assert.Contains("\"dataType\":\"string\"", OcppJson.ToElement(characteristics).GetRawText());
        Assert.Contains("\"ePriceLevel\":1", OcppJson.ToElement(entry).GetRawText());
    }

    [Fact]
    public void OcppJson_converts_a_record_to_a_payload_and_back()
    {
        var response = new BootNotificationResponse
        {
            CurrentTime = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero),
            Interval = 300,
            Status = RegistrationStatus.Pending,
        };

        var payload = OcppJson.ToElement(response);

        Assert.Equal("Pending", payload.GetProperty("status").GetString());
        Assert.Equal(response, OcppJson.FromElement<BootNotificationResponse>(payload));
    }

    [Fact]
    public void An_integer_written_with_a_zero_fraction_reads_as_that_integer()
    {
        using var document = JsonDocument.Parse("""{"evseId":1.0,"connectorId":2e0,"timestamp":"2025-06-01T12:00:00Z","connectorStatus":"Available"}""");

        var request = OcppJson.FromElement<StatusNotificationRequest>(document.RootElement);

        Assert.Equal((1, 2), (request.EvseId, request.ConnectorId));
    }

    [Fact]
    public void An_integer_with_a_fraction_does_not_read()
    {
        using var document = JsonDocument.Parse("""{"evseId":1.5,"connectorId":2,"timestamp":"2025-06-01T12:00:00Z","connectorStatus":"Available"}""");

        Assert.Throws<JsonException>(() => OcppJson.FromElement<StatusNotificationRequest>(document.RootElement));
    }

    [Theory]
    [InlineData("2025-06-01T12:00:00Z", "2025-06-01T12:00:00Z")]
    [InlineData("2025-06-01t12:00:00.5z", "2025-06-01T12:00:00.5Z")]
    [InlineData("2025-06-01T14:00:00.123+02:00", "2025-06-01T14:00:00.123+02:00")]
    public void Date_times_read_as_RFC_3339_and_are_written_with_Z_for_UTC(string sent, string written)
    {
        using var document = JsonDocument.Parse($$"""{"currentTime":"{{sent}}"}""");

        var response = OcppJson.FromElement<HeartbeatResponse>(document.RootElement);

        Assert.Equal(written, OcppJson.ToElement(response).GetProperty("currentTime").GetString());
    }

    private static void AssertRoundTrips(System.Text.Json.Serialization.Metadata.JsonTypeInfo contract, string json)
    {
        using var original = JsonDocument.Parse(json);

        var record = original.RootElement.Deserialize(contract);
        var written = JsonSerializer.SerializeToElement(record, contract);

        Assert.True(
            JsonElement.DeepEquals(original.RootElement, written),
            $"Round trip changed the payload.\nsent:    {json}\nwritten: {written.GetRawText()}");
    }
}
