using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Csms.Operator;

/// <summary>Smart charging through the operator API: profiles stored as the station accepts them, and the station's reports and limits.</summary>
public sealed class ChargingProfilesApiTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    private const string Profile = """{"id":@ID,"stackLevel":1,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[{"id":1,"startSchedule":"2026-01-01T00:00:00Z","chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":7000}]}]}""";

    private static string Set(int evseId, int id) => $$"""{"evseId":{{evseId}},"chargingProfile":{{Profile.Replace("@ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture))}}}""";

    [Fact]
    public async Task A_profile_the_station_accepts_is_stored_and_listed_and_one_it_rejects_is_not()
    {
        var seen = new List<SetChargingProfileRequest>();
        var handlers = new OcppHandlerRegistry().On<SetChargingProfileRequest, SetChargingProfileResponse>((_, request, _) =>
        {
            seen.Add(request);
            return ValueTask.FromResult(new SetChargingProfileResponse
            {
                Status = request.ChargingProfile.Id == 99 ? ChargingProfileStatus.Rejected : ChargingProfileStatus.Accepted,
            });
        });
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("SC-SET", handlers);

        using var accepted = await csms.Http.PostRawAsync("/api/stations/SC-SET/charging-profiles", Set(1, 7));
        using var rejected = await csms.Http.PostRawAsync("/api/stations/SC-SET/charging-profiles", Set(1, 99));

        Assert.Equal(200, (int)accepted.StatusCode);
        var result = await accepted.JsonAsync();
        Assert.Equal("Accepted", result.GetProperty("response").GetProperty("status").GetString());
        Assert.True(result.GetProperty("applied").GetBoolean());
        Assert.False((await rejected.JsonAsync()).GetProperty("applied").GetBoolean());
        Assert.Equal([7, 99], seen.Select(request => request.ChargingProfile.Id));
        var listed = Assert.Single((await csms.Http.GetJsonAsync("/api/stations/SC-SET/charging-profiles")).EnumerateArray());
        Assert.Equal((1, 7, 1, "TxDefaultProfile", "Set", "CSO"), (listed.GetProperty("evseId").GetInt32(), listed.GetProperty("id").GetInt32(),
            listed.GetProperty("stackLevel").GetInt32(), listed.GetProperty("purpose").GetString(), listed.GetProperty("origin").GetString(),
            listed.GetProperty("source").GetString()));
        Assert.Equal(7000, listed.GetProperty("profile").GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task When_a_transaction_ends_its_TxProfile_and_display_messages_are_dropped_and_other_profiles_stay()
    {
        var handlers = new OcppHandlerRegistry()
            .On<SetChargingProfileRequest, SetChargingProfileResponse>((_, _, _) => ValueTask.FromResult(new SetChargingProfileResponse { Status = ChargingProfileStatus.Accepted }))
            .On<SetDisplayMessageRequest, SetDisplayMessageResponse>((_, _, _) => ValueTask.FromResult(new SetDisplayMessageResponse { Status = DisplayMessageStatus.Accepted }));
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("SC-TXEND", handlers);
        var start = DateTimeOffset.UtcNow;
        await station.CallAsync(Event(TransactionEventType.Started, 0, start));
        var txProfile = Set(1, 21).Replace("\"TxDefaultProfile\"", "\"TxProfile\",\"transactionId\":\"TX-END\"");
        (await csms.Http.PostRawAsync("/api/stations/SC-TXEND/charging-profiles", txProfile)).Dispose();
        (await csms.Http.PostRawAsync("/api/stations/SC-TXEND/charging-profiles", Set(1, 22))).Dispose();
        (await csms.Http.PostRawAsync("/api/stations/SC-TXEND/commands/SetDisplayMessage",
            """{"message":{"id":5,"priority":"NormalCycle","transactionId":"TX-END","message":{"format":"UTF8","content":"Charging"}}}""")).Dispose();
        Assert.Equal(2, (await csms.Http.GetJsonAsync("/api/stations/SC-TXEND/charging-profiles")).GetArrayLength());
        Assert.Equal(1, (await csms.Http.GetJsonAsync("/api/stations/SC-TXEND/display-messages")).GetArrayLength());

        await station.CallAsync(Event(TransactionEventType.Ended, 1, start.AddMinutes(1)));

        var left = Assert.Single((await csms.Http.GetJsonAsync("/api/stations/SC-TXEND/charging-profiles")).EnumerateArray());
        Assert.Equal(22, left.GetProperty("id").GetInt32());
        Assert.Equal(0, (await csms.Http.GetJsonAsync("/api/stations/SC-TXEND/display-messages")).GetArrayLength());
    }

    private static TransactionEventRequest Event(TransactionEventType type, int seqNo, DateTimeOffset at) => new()
    {
        EventType = type, Timestamp = at, SeqNo = seqNo,
        TriggerReason = type == TransactionEventType.Started ? TriggerReason.Authorized : TriggerReason.EVDeparted,
        TransactionInfo = new Transaction { TransactionId = "TX-END", StoppedReason = type == TransactionEventType.Ended ? StoppedReason.EVDisconnected : null },
        Evse = new Evse { Id = 1, ConnectorId = 1 },
    };

    [Fact]
    public async Task A_profile_body_that_breaks_the_schema_is_400_with_its_violations_and_nothing_is_sent()
    {
        var sent = false;
        var handlers = new OcppHandlerRegistry().On<SetChargingProfileRequest, SetChargingProfileResponse>((_, _, _) =>
        {
            sent = true;
            return ValueTask.FromResult(new SetChargingProfileResponse { Status = ChargingProfileStatus.Accepted });
        });
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("SC-BAD", handlers);

        using var response = await csms.Http.PostRawAsync("/api/stations/SC-BAD/charging-profiles", Set(1, 1).Replace("\"W\"", "\"kW\""));

        var problem = await response.ProblemAsync(400);
        var violation = Assert.Single(problem.GetProperty("violations").EnumerateArray());
        Assert.Equal("$.chargingProfile.chargingSchedule[0].chargingRateUnit", violation.GetProperty("path").GetString());
        Assert.False(sent);
        Assert.Empty((await csms.Http.GetJsonAsync("/api/stations/SC-BAD/charging-profiles")).EnumerateArray());
    }

    [Fact]
    public async Task A_profile_for_a_station_not_connected_is_404()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.PostRawAsync("/api/stations/SC-NOBODY/charging-profiles", Set(1, 1));

        await response.ProblemAsync(404);
    }

    [Fact]
    public async Task Clearing_a_profile_removes_it_from_the_store_once_the_station_has_cleared_it()
    {
        var cleared = new List<ClearChargingProfileRequest>();
        var handlers = new OcppHandlerRegistry()
            .On<SetChargingProfileRequest, SetChargingProfileResponse>((_, _, _) =>
                ValueTask.FromResult(new SetChargingProfileResponse { Status = ChargingProfileStatus.Accepted }))
            .On<ClearChargingProfileRequest, ClearChargingProfileResponse>((_, request, _) =>
            {
                cleared.Add(request);
                return ValueTask.FromResult(new ClearChargingProfileResponse { Status = ClearChargingProfileStatus.Accepted });
            });
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("SC-CLEAR", handlers);
        foreach (var (evse, id) in new[] { (1, 11), (1, 12), (2, 21) })
            (await csms.Http.PostRawAsync("/api/stations/SC-CLEAR/charging-profiles", Set(evse, id))).Dispose();

        using var byId = await csms.Http.DeleteAsync("/api/stations/SC-CLEAR/charging-profiles/12");
        using var byCriteria = await csms.Http.PostRawAsync("/api/stations/SC-CLEAR/charging-profiles/clear", """{"chargingProfileCriteria":{"evseId":2}}""");

        Assert.Equal(1, (await byId.JsonAsync()).GetProperty("removed").GetInt32());
        Assert.Equal(1, (await byCriteria.JsonAsync()).GetProperty("removed").GetInt32());
        Assert.Equal(12, cleared[0].ChargingProfileId);
        Assert.Equal(2, cleared[1].ChargingProfileCriteria?.EvseId);
        var left = Assert.Single((await csms.Http.GetJsonAsync("/api/stations/SC-CLEAR/charging-profiles")).EnumerateArray());
        Assert.Equal(11, left.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Reported_profiles_are_stored_and_replace_a_stored_profile_of_the_same_id()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("SC-REPORT", new OcppHandlerRegistry());
        var profile = System.Text.Json.JsonSerializer.Deserialize(Profile.Replace("@ID", "5"), OcppJsonContext.Default.ChargingProfile)!;

        await station.CallAsync(new ReportChargingProfilesRequest
        {
            RequestId = 1, ChargingLimitSource = ChargingLimitSource.CSO, EvseId = 1, ChargingProfile = [profile], Tbc = true,
        });
        await station.CallAsync(new ReportChargingProfilesRequest
        {
            RequestId = 1, ChargingLimitSource = ChargingLimitSource.EMS, EvseId = 2, ChargingProfile = [profile with { StackLevel = 4 }],
        });

        var stored = Assert.Single((await csms.Http.GetJsonAsync("/api/stations/SC-REPORT/charging-profiles")).EnumerateArray());
        Assert.Equal((2, 4, "EMS", "Reported"), (stored.GetProperty("evseId").GetInt32(), stored.GetProperty("stackLevel").GetInt32(),
            stored.GetProperty("source").GetString(), stored.GetProperty("origin").GetString()));
    }

    [Fact]
    public async Task An_external_limit_is_listed_until_the_station_says_it_is_cleared()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);
        await using var station = await csms.ConnectBootedAsync("SC-LIMIT", new OcppHandlerRegistry());
        var schedule = new ChargingSchedule
        {
            Id = 1, ChargingRateUnit = ChargingRateUnit.A, ChargingSchedulePeriod = [new ChargingSchedulePeriod { StartPeriod = 0, Limit = 10 }],
        };

        await station.CallAsync(new NotifyChargingLimitRequest
        {
            EvseId = 1, ChargingLimit = new ChargingLimit { ChargingLimitSource = ChargingLimitSource.SO, IsGridCritical = true }, ChargingSchedule = [schedule],
        });
        await station.CallAsync(new NotifyChargingLimitRequest { ChargingLimit = new ChargingLimit { ChargingLimitSource = ChargingLimitSource.EMS } });
        var limits = (await csms.Http.GetJsonAsync("/api/stations/SC-LIMIT/charging-limits")).EnumerateArray().ToList();
        await station.CallAsync(new ClearedChargingLimitRequest { ChargingLimitSource = ChargingLimitSource.SO, EvseId = 1 });

        Assert.Equal([(0, "EMS"), (1, "SO")], limits.Select(limit => (limit.GetProperty("evseId").GetInt32(), limit.GetProperty("source").GetString())));
        Assert.True(limits[1].GetProperty("isGridCritical").GetBoolean());
        Assert.Equal(10, limits[1].GetProperty("schedules")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetInt32());
        var left = Assert.Single((await csms.Http.GetJsonAsync("/api/stations/SC-LIMIT/charging-limits")).EnumerateArray());
        Assert.Equal("EMS", left.GetProperty("source").GetString());
    }
}
