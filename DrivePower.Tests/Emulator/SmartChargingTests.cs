using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Emulator;

/// <summary>K: the emulated station checks profiles as the spec requires, composes them, and its EV draws within the limit.</summary>
public class SmartChargingTests
{
    private static readonly IdToken Token = new() { Token = "SC-1", Type = IdTokenType.Central };

    private static DateTimeOffset Now => DateTimeOffset.UtcNow.AddTicks(-(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond));

    private static ChargingProfile Profile(
        int id, ChargingProfilePurpose purpose, params (int Start, decimal Limit)[] periods) => new()
    {
        Id = id,
        StackLevel = 0,
        ChargingProfilePurpose = purpose,
        ChargingProfileKind = ChargingProfileKind.Absolute,
        ChargingSchedule =
        [
            new ChargingSchedule
            {
                Id = 1,
                StartSchedule = Now.AddSeconds(-1),
                ChargingRateUnit = ChargingRateUnit.W,
                ChargingSchedulePeriod = [.. periods.Select(p => new ChargingSchedulePeriod { StartPeriod = p.Start, Limit = p.Limit })],
            },
        ],
    };

    private static decimal Power(TransactionEventRequest e) =>
        e.MeterValue!.Single().SampledValue.Single(v => v.Measurand == Measurand.PowerActiveImport).Value;

    private static List<TransactionEventRequest> RateChanges(BootedStation station) =>
        [.. station.Received<TransactionEventRequest>().Where(e => e.TriggerReason == TriggerReason.ChargingRateChanged)];

    private static async Task<string> ChargingAsync(BootedStation station)
    {
        await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 1, EvseId = 1 });
        var charging = await station.WaitForAsync<TransactionEventRequest>(e => e.TransactionInfo.ChargingState == ChargingState.Charging);
        return charging.TransactionInfo.TransactionId;
    }

    [Fact]
    public async Task A_lower_limit_makes_the_EV_draw_less_at_once_and_clearing_it_gives_the_power_back()
    {
        await using var station = await BootedStation.StartAsync("CP-SC-LIMIT", ("CHARGING_POWER_W", "11000"));
        await ChargingAsync(station);

        var set = await station.SendAsync(new SetChargingProfileRequest { EvseId = 1, ChargingProfile = Profile(1, ChargingProfilePurpose.TxDefaultProfile, (0, 3000)) });
        var limited = await station.WaitForAsync<TransactionEventRequest>(e => e.TriggerReason == TriggerReason.ChargingRateChanged);
        var clear = await station.SendAsync(new ClearChargingProfileRequest { ChargingProfileId = 1 });
        await TestCsms.WaitUntilAsync(() => RateChanges(station).Count == 2, "a second ChargingRateChanged");
        var released = RateChanges(station)[1];

        Assert.Equal(ChargingProfileStatus.Accepted, set.Status);
        Assert.InRange(Power(limited), 2700, 3000);
        Assert.Equal(ClearChargingProfileStatus.Accepted, clear.Status);
        Assert.InRange(Power(released), 9900, 11000);
    }

    [Fact]
    public async Task A_TxProfile_in_amperes_limits_its_transaction_by_current_times_voltage_times_phases()
    {
        await using var station = await BootedStation.StartAsync("CP-SC-AMPS", ("CHARGING_POWER_W", "22000"));
        var transactionId = await ChargingAsync(station);
        var profile = Profile(2, ChargingProfilePurpose.TxProfile) with { TransactionId = transactionId };
        profile = profile with
        {
            ChargingSchedule = [profile.ChargingSchedule[0] with
            {
                ChargingRateUnit = ChargingRateUnit.A,
                ChargingSchedulePeriod = [new ChargingSchedulePeriod { StartPeriod = 0, Limit = 16, NumberPhases = 1 }],
            }],
        };

        var set = await station.SendAsync(new SetChargingProfileRequest { EvseId = 1, ChargingProfile = profile });
        var limited = await station.WaitForAsync<TransactionEventRequest>(e => e.TriggerReason == TriggerReason.ChargingRateChanged);

        Assert.Equal(ChargingProfileStatus.Accepted, set.Status);
        Assert.InRange(Power(limited), 16 * 230 * 0.9m, 16 * 230); // 3680 W
    }

    [Fact]
    public async Task Profiles_that_break_the_rules_of_K01_are_rejected_with_a_reason_and_not_installed()
    {
        await using var station = await BootedStation.StartAsync("CP-SC-RULES");
        var valid = Profile(10, ChargingProfilePurpose.TxDefaultProfile, (0, 7000));
        Assert.Equal(ChargingProfileStatus.Accepted, (await station.SendAsync(new SetChargingProfileRequest { EvseId = 1, ChargingProfile = valid })).Status);
        var schedule = valid.ChargingSchedule[0];
        var cases = new (string Reason, int EvseId, ChargingProfile Profile)[]
        {
            ("InvalidPurpose", 1, Profile(11, ChargingProfilePurpose.ChargingStationMaxProfile, (0, 7000))),
            ("InvalidPurpose", 0, Profile(12, ChargingProfilePurpose.ChargingStationExternalConstraints, (0, 7000))),
            ("InvalidPurpose", 0, Profile(13, ChargingProfilePurpose.TxProfile, (0, 7000)) with { TransactionId = "t" }),
            ("TxNotFound", 1, Profile(14, ChargingProfilePurpose.TxProfile, (0, 7000)) with { TransactionId = "no-such-transaction" }),
            ("InvalidStackLevel", 1, valid with { Id = 15, StackLevel = 9 }),
            ("InvalidSchedule", 1, Profile(16, ChargingProfilePurpose.TxDefaultProfile, (60, 7000)) with { StackLevel = 1 }),
            ("InvalidSchedule", 1, Profile(17, ChargingProfilePurpose.TxDefaultProfile, (0, 7000), (600, 5000), (300, 4000)) with { StackLevel = 1 }),
            ("InvalidSchedule", 1, Profile(18, ChargingProfilePurpose.TxDefaultProfile, (0, -1)) with { StackLevel = 1 }),
            ("InvalidValidity", 1, valid with { Id = 19, StackLevel = 1, ValidTo = DateTimeOffset.UtcNow.AddMinutes(-1) }),
            ("InvalidKind", 1, valid with { Id = 20, StackLevel = 1, ChargingProfileKind = ChargingProfileKind.Relative }),
            ("InvalidKind", 1, valid with { Id = 21, StackLevel = 1, ChargingProfileKind = ChargingProfileKind.Recurring }),
            ("InvalidSchedule", 1, valid with { Id = 22, StackLevel = 1, ChargingSchedule = [schedule, schedule with { Id = 2 }] }),
            ("UnknownEvse", 7, valid with { Id = 23 }),
            ("DuplicateProfile", 1, valid with { Id = 24 }),
        };

        foreach (var (reason, evseId, profile) in cases)
        {
            var answer = await station.SendAsync(new SetChargingProfileRequest { EvseId = evseId, ChargingProfile = profile });
            Assert.True(answer is { Status: ChargingProfileStatus.Rejected } && answer.StatusInfo?.ReasonCode == reason,
                $"profile {profile.Id}: expected Rejected {reason}, got {answer.Status} {answer.StatusInfo?.ReasonCode} {answer.StatusInfo?.AdditionalInfo}");
        }

        var held = await station.SendAsync(new GetChargingProfilesRequest { RequestId = 1, ChargingProfile = new ChargingProfileCriterion() });
        var report = await station.WaitForAsync<ReportChargingProfilesRequest>();
        Assert.Equal(GetChargingProfileStatus.Accepted, held.Status);
        Assert.Equal([10], report.ChargingProfile.Select(profile => profile.Id));
    }

    [Fact]
    public async Task The_composite_schedule_is_the_lowest_of_the_station_maximum_and_the_TxDefault_schedule_over_time()
    {
        await using var station = await BootedStation.StartAsync("CP-SC-COMPOSITE", ("CHARGING_POWER_W", "22000"));
        await station.SendAsync(new SetChargingProfileRequest { EvseId = 0, ChargingProfile = Profile(1, ChargingProfilePurpose.ChargingStationMaxProfile, (0, 7000)) });
        await station.SendAsync(new SetChargingProfileRequest { EvseId = 1, ChargingProfile = Profile(2, ChargingProfilePurpose.TxDefaultProfile, (0, 11000), (600, 4000)) });

        var watts = await station.SendAsync(new GetCompositeScheduleRequest { EvseId = 1, Duration = 1200, ChargingRateUnit = ChargingRateUnit.W });
        var amperes = await station.SendAsync(new GetCompositeScheduleRequest { EvseId = 1, Duration = 300, ChargingRateUnit = ChargingRateUnit.A });
        var unknown = await station.SendAsync(new GetCompositeScheduleRequest { EvseId = 5, Duration = 300 });

        Assert.Equal(GenericStatus.Accepted, watts.Status);
        var periods = watts.Schedule!.ChargingSchedulePeriod;
        Assert.Equal([7000m, 4000m], periods.Select(period => period.Limit));
        Assert.Equal(0, periods[0].StartPeriod);
        Assert.InRange(periods[1].StartPeriod, 597, 600); // 600 s after the schedule began, a second or two before "now"
        Assert.Equal((1, 1200, ChargingRateUnit.W), (watts.Schedule.EvseId, watts.Schedule.Duration, watts.Schedule.ChargingRateUnit));
        Assert.Equal(10.1m, Assert.Single(amperes.Schedule!.ChargingSchedulePeriod).Limit); // 7000 W / (230 V × 3)
        Assert.Equal(GenericStatus.Rejected, unknown.Status);
    }

    [Fact]
    public async Task GetChargingProfiles_reports_the_matching_profiles_per_EVSE_with_tbc_and_answers_NoProfiles_when_none_match()
    {
        await using var station = await BootedStation.StartAsync("CP-SC-REPORT", ("EVSE_COUNT", "2"));
        await station.SendAsync(new SetChargingProfileRequest { EvseId = 0, ChargingProfile = Profile(1, ChargingProfilePurpose.ChargingStationMaxProfile, (0, 20000)) });
        await station.SendAsync(new SetChargingProfileRequest { EvseId = 1, ChargingProfile = Profile(2, ChargingProfilePurpose.TxDefaultProfile, (0, 7000)) });
        await station.SendAsync(new SetChargingProfileRequest { EvseId = 2, ChargingProfile = Profile(3, ChargingProfilePurpose.TxDefaultProfile, (0, 7000)) });

        var all = await station.SendAsync(new GetChargingProfilesRequest { RequestId = 5, ChargingProfile = new ChargingProfileCriterion() });
        await TestCsms.WaitUntilAsync(() => station.Received<ReportChargingProfilesRequest>().Count == 3, "three reports");
        var txDefaults = await station.SendAsync(new GetChargingProfilesRequest
        {
            RequestId = 6, EvseId = 2, ChargingProfile = new ChargingProfileCriterion { ChargingProfilePurpose = ChargingProfilePurpose.TxDefaultProfile },
        });
        var none = await station.SendAsync(new GetChargingProfilesRequest
        {
            RequestId = 7, ChargingProfile = new ChargingProfileCriterion { ChargingLimitSource = [ChargingLimitSource.EMS] },
        });

        var reports = station.Received<ReportChargingProfilesRequest>();
        Assert.Equal(GetChargingProfileStatus.Accepted, all.Status);
        Assert.Equal([(0, 1, true), (1, 2, true), (2, 3, false)], reports.Take(3).Select(r => (r.EvseId, r.ChargingProfile.Single().Id, r.Tbc == true)));
        Assert.All(reports, r => Assert.Equal(ChargingLimitSource.CSO, r.ChargingLimitSource));
        Assert.Equal(GetChargingProfileStatus.Accepted, txDefaults.Status);
        var evse2 = await station.WaitForAsync<ReportChargingProfilesRequest>(r => r.RequestId == 6);
        Assert.Equal(3, evse2.ChargingProfile.Single().Id);
        Assert.Equal(GetChargingProfileStatus.NoProfiles, none.Status);
    }

    [Fact]
    public async Task A_remote_start_with_a_TxProfile_charges_within_it_from_the_start_and_the_profile_ends_with_the_transaction()
    {
        await using var station = await BootedStation.StartAsync("CP-SC-REMOTE", ("CHARGING_POWER_W", "11000"));
        var txProfile = Profile(30, ChargingProfilePurpose.TxProfile, (0, 2000)) with { ChargingProfileKind = ChargingProfileKind.Relative };
        txProfile = txProfile with { ChargingSchedule = [txProfile.ChargingSchedule[0] with { StartSchedule = null }] };

        var wrongPurpose = await station.SendAsync(new RequestStartTransactionRequest
        {
            IdToken = Token, RemoteStartId = 1, EvseId = 1, ChargingProfile = Profile(31, ChargingProfilePurpose.TxDefaultProfile, (0, 2000)),
        });
        var start = await station.SendAsync(new RequestStartTransactionRequest { IdToken = Token, RemoteStartId = 2, EvseId = 1, ChargingProfile = txProfile });
        var charging = await station.WaitForAsync<TransactionEventRequest>(e => e.TransactionInfo.ChargingState == ChargingState.Charging);
        var during = await station.SendAsync(new GetChargingProfilesRequest { RequestId = 1, ChargingProfile = new ChargingProfileCriterion() });
        var report = await station.WaitForAsync<ReportChargingProfilesRequest>();
        await station.SendAsync(new RequestStopTransactionRequest { TransactionId = charging.TransactionInfo.TransactionId });
        await station.WaitForAsync<TransactionEventRequest>(e => e.EventType == TransactionEventType.Ended);
        var after = await station.SendAsync(new GetChargingProfilesRequest { RequestId = 2, ChargingProfile = new ChargingProfileCriterion() });

        Assert.Equal((RequestStartStopStatus.Rejected, "InvalidProfile"), (wrongPurpose.Status, wrongPurpose.StatusInfo?.ReasonCode));
        Assert.Equal(RequestStartStopStatus.Accepted, start.Status);
        Assert.InRange(Power(charging), 1800, 2000);
        Assert.Equal(GetChargingProfileStatus.Accepted, during.Status);
        Assert.Equal(charging.TransactionInfo.TransactionId, report.ChargingProfile.Single().TransactionId);
        Assert.Equal(GetChargingProfileStatus.NoProfiles, after.Status);
    }

    [Fact]
    public async Task SmartChargingCtrlr_reports_its_variables_and_a_station_with_it_disabled_rejects_profiles()
    {
        await using var station = await BootedStation.StartAsync("CP-SC-CTRLR");
        Component ctrlr = new() { Name = "SmartChargingCtrlr" };

        var read = await station.SendAsync(new GetVariablesRequest
        {
            GetVariableData = [.. new[] { "RateUnit", "ProfileStackLevel", "Enabled" }.Select(name => new GetVariableData { Component = ctrlr, Variable = new Variable { Name = name } })],
        });
        await station.SendAsync(new SetVariablesRequest
        {
            SetVariableData = [new SetVariableData { Component = ctrlr, Variable = new Variable { Name = "Enabled" }, AttributeValue = "false" }],
        });
        var refused = await station.SendAsync(new SetChargingProfileRequest { EvseId = 1, ChargingProfile = Profile(1, ChargingProfilePurpose.TxDefaultProfile, (0, 7000)) });

        Assert.Equal(["A,W", "8", "true"], read.GetVariableResult.Select(result => result.AttributeValue));
        Assert.Equal((ChargingProfileStatus.Rejected, "NotEnabled"), (refused.Status, refused.StatusInfo?.ReasonCode));
    }
}
