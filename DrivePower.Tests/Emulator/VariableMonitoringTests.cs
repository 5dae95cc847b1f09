using System.Net.Http.Json;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Tests.Emulator;

/// <summary>N02-N08 on the emulator: the rules for setting and clearing monitors, base and level, the report, and the events monitors raise.</summary>
public sealed class VariableMonitoringTests
{
    private static readonly Component Evse1 = new() { Name = "EVSE", Evse = new Evse { Id = 1 } };
    private static readonly Variable Power = new() { Name = "Power" };

    private static SetMonitoringData Monitor(MonitorType type, decimal value, int severity = 4, Component? component = null, Variable? variable = null, int? id = null) =>
        new() { Id = id, Type = type, Value = value, Severity = severity, Component = component ?? Evse1, Variable = variable ?? Power };

    private static async Task<IReadOnlyList<SetMonitoringResult>> SetAsync(BootedStation station, params SetMonitoringData[] monitors) =>
        (await station.SendAsync(new SetVariableMonitoringRequest { SetMonitoringData = monitors })).SetMonitoringResult;

    [Fact]
    public async Task Each_monitor_gets_its_own_result_an_id_from_the_station_when_accepted_and_the_reason_when_not()
    {
        await using var station = await BootedStation.StartAsync("CP-MON-SET");

        var results = await SetAsync(station,
            Monitor(MonitorType.UpperThreshold, 5000),
            Monitor(MonitorType.UpperThreshold, 6000), // the same type and severity on the same variable
            Monitor(MonitorType.Delta, 1, component: new Component { Name = "Pump" }),
            Monitor(MonitorType.Delta, 1, variable: new Variable { Name = "Torque" }),
            Monitor(MonitorType.UpperThreshold, 1, component: new Component { Name = "EVSE", Evse = new Evse { Id = 1 } }, variable: new Variable { Name = "AvailabilityState" }),
            Monitor(MonitorType.Delta, 100, severity: 10),
            Monitor(MonitorType.Periodic, 0),
            Monitor(MonitorType.LowerThreshold, 100, id: 999));

        Assert.Equal(
            [SetMonitoringStatus.Accepted, SetMonitoringStatus.Duplicate, SetMonitoringStatus.UnknownComponent, SetMonitoringStatus.UnknownVariable,
             SetMonitoringStatus.UnsupportedMonitorType, SetMonitoringStatus.Rejected, SetMonitoringStatus.Rejected, SetMonitoringStatus.Rejected],
            results.Select(result => result.Status));
        Assert.NotNull(results[0].Id);
        Assert.All(results.Skip(1), result => Assert.True(result.Id is null or 999));
        Assert.Equal("InvalidSeverity", results[5].StatusInfo!.ReasonCode);
    }

    [Fact]
    public async Task A_custom_monitor_clears_an_unknown_id_is_NotFound_and_a_hard_wired_one_cannot_be_cleared()
    {
        await using var station = await BootedStation.StartAsync("CP-MON-CLEAR");
        var id = (await SetAsync(station, Monitor(MonitorType.Delta, 500)))[0].Id!.Value;
        var hardWired = await HardWiredIdAsync(station);

        var cleared = await station.SendAsync(new ClearVariableMonitoringRequest { Id = [id, 4242, hardWired] });

        Assert.Equal([ClearMonitoringStatus.Accepted, ClearMonitoringStatus.NotFound, ClearMonitoringStatus.Rejected],
            cleared.ClearMonitoringResult.Select(result => result.Status));
        var report = await ReportAsync(station, 21);
        Assert.DoesNotContain(report, monitor => monitor.Id == id);
        Assert.Contains(report, monitor => monitor.Id == hardWired);
    }

    [Fact]
    public async Task The_report_lists_the_built_in_and_custom_monitors_by_criteria_and_HardWiredOnly_leaves_only_the_hard_wired_ones()
    {
        await using var station = await BootedStation.StartAsync("CP-MON-REPORT", ("EVSE_COUNT", "2"));
        var delta = (await SetAsync(station, Monitor(MonitorType.Delta, 500)))[0].Id!.Value;

        var all = await ReportAsync(station, 30);
        var deltas = await ReportAsync(station, 31, [MonitoringCriterion.DeltaMonitoring]);
        Assert.Equal(5, all.Count); // per EVSE a hard-wired and a preconfigured threshold, and the delta
        Assert.Equal([delta], deltas.Select(monitor => monitor.Id));

        var based = await station.SendAsync(new SetMonitoringBaseRequest { MonitoringBase = MonitoringBase.HardWiredOnly });
        var hardWiredOnly = await ReportAsync(station, 32);

        Assert.Equal(GenericDeviceModelStatus.Accepted, based.Status);
        Assert.Equal(2, hardWiredOnly.Count);
        Assert.All(hardWiredOnly, monitor => Assert.Equal(1, monitor.Severity));
        var empty = await station.SendAsync(new GetMonitoringReportRequest { RequestId = 33, MonitoringCriteria = [MonitoringCriterion.PeriodicMonitoring] });
        Assert.Equal(GenericDeviceModelStatus.EmptyResultSet, empty.Status);
    }

    [Fact]
    public async Task More_monitors_in_one_request_than_ItemsPerMessage_is_an_OccurrenceConstraintViolation()
    {
        await using var station = await BootedStation.StartAsync("CP-MON-MANY");

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => station.SendAsync(new SetVariableMonitoringRequest
        {
            SetMonitoringData = [.. Enumerable.Range(0, 21).Select(i => Monitor(MonitorType.Delta, i + 1, severity: i % 10))],
        }));

        Assert.Equal("OccurrenceConstraintViolation", error.ErrorCode);
    }

    [Fact]
    public async Task An_upper_threshold_on_the_EVSE_power_alerts_when_charging_crosses_it_and_clears_when_the_EV_draws_less()
    {
        await using var station = await BootedStation.StartAsync("CP-MON-POWER", ("CHARGING_POWER_W", "11000"));
        var id = (await SetAsync(station, Monitor(MonitorType.UpperThreshold, 5000)))[0].Id!.Value;

        await station.SendAsync(new RequestStartTransactionRequest { EvseId = 1, RemoteStartId = 1, IdToken = new IdToken { Token = "MON", Type = IdTokenType.ISO14443 } });
        var alert = await EventAsync(station, id, cleared: false);
        Assert.Equal(EventTrigger.Alerting, alert.Trigger);
        Assert.True(decimal.Parse(alert.ActualValue, System.Globalization.CultureInfo.InvariantCulture) > 5000);
        Assert.Equal(EventNotificationType.CustomMonitor, alert.EventNotificationType);
        Assert.NotNull(alert.TransactionId);

        using var control = new HttpClient { BaseAddress = station.Emulator.ControlAddress };
        (await control.PutAsJsonAsync("/api/stations/CP-MON-POWER/evses/1/ev", new { maxPowerW = 3000 })).EnsureSuccessStatusCode();
        var cleared = await EventAsync(station, id, cleared: true);
        Assert.True(decimal.Parse(cleared.ActualValue, System.Globalization.CultureInfo.InvariantCulture) <= 5000);
    }

    [Fact]
    public async Task Above_the_monitoring_level_a_monitor_raises_nothing_and_a_periodic_one_reports_its_value_each_period()
    {
        await using var station = await BootedStation.StartAsync("CP-MON-LEVEL");
        Assert.Equal(GenericStatus.Accepted, (await station.SendAsync(new SetMonitoringLevelRequest { Severity = 3 })).Status);
        var quiet = (await SetAsync(station, Monitor(MonitorType.Periodic, 1, severity: 7)))[0].Id!.Value;
        var loud = (await SetAsync(station, Monitor(MonitorType.Periodic, 1, severity: 2)))[0].Id!.Value;

        var first = await EventAsync(station, loud, cleared: null);
        await EventAsync(station, loud, cleared: null, skip: 1);

        Assert.Equal(EventTrigger.Periodic, first.Trigger);
        Assert.Equal("0", first.ActualValue);
        Assert.DoesNotContain(station.Received<NotifyEventRequest>().SelectMany(e => e.EventData), e => e.VariableMonitoringId == quiet);
        Assert.Equal(GenericStatus.Rejected, (await station.SendAsync(new SetMonitoringLevelRequest { Severity = 10 })).Status);
    }

    [Fact]
    public async Task A_delta_monitor_on_a_connector_state_raises_an_event_when_the_state_changes()
    {
        await using var station = await BootedStation.StartAsync("CP-MON-DELTA");
        var connector = new Component { Name = "Connector", Evse = new Evse { Id = 1, ConnectorId = 1 } };
        var id = (await SetAsync(station, Monitor(MonitorType.Delta, 0, component: connector, variable: new Variable { Name = "AvailabilityState" })))[0].Id!.Value;

        await station.SendAsync(new ChangeAvailabilityRequest { OperationalStatus = OperationalStatus.Inoperative, Evse = new Evse { Id = 1 } });
        var changed = await EventAsync(station, id, cleared: null);

        Assert.Equal((EventTrigger.Delta, "Unavailable"), (changed.Trigger, changed.ActualValue));
    }

    [Fact]
    public async Task Offline_the_events_of_OfflineQueuingSeverity_or_more_severe_wait_for_the_connection_and_the_others_are_lost()
    {
        await using var station = await BootedStation.StartAsync("CP-MON-OFFLINE");
        var kept = (await SetAsync(station, Monitor(MonitorType.Periodic, 1, severity: 1)))[0].Id!.Value; // OfflineQueuingSeverity is 2
        var lost = (await SetAsync(station, Monitor(MonitorType.Periodic, 1, severity: 6)))[0].Id!.Value;
        await EventAsync(station, lost, cleared: null);
        using var control = new HttpClient { BaseAddress = station.Emulator.ControlAddress };

        (await control.PostAsync("/api/stations/CP-MON-OFFLINE/offline", null)).EnsureSuccessStatusCode();
        var wentOffline = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(3.5)); // periods pass while offline
        var cameBack = DateTimeOffset.UtcNow;
        (await control.PostAsync("/api/stations/CP-MON-OFFLINE/online", null)).EnsureSuccessStatusCode();
        bool Offline(EventData e) => e.Timestamp > wentOffline.AddSeconds(0.5) && e.Timestamp < cameBack;
        // Waits for the queued events, sent together in one NotifyEvent: a periodic event sent after the
        // reconnect may come before them.
        await station.WaitForAsync<NotifyEventRequest>(e => e.EventData.Any(d => d.VariableMonitoringId == kept && Offline(d)));

        var events = station.Received<NotifyEventRequest>().SelectMany(e => e.EventData).ToList();
        Assert.True(events.Count(e => e.VariableMonitoringId == kept && Offline(e)) >= 2, "the severe monitor's offline periods were kept");
        Assert.DoesNotContain(events, e => e.VariableMonitoringId == lost && Offline(e));
    }

    private static async Task<EventData> EventAsync(BootedStation station, int monitorId, bool? cleared, int skip = 0)
    {
        IEnumerable<EventData> Matching() => station.Received<NotifyEventRequest>().SelectMany(e => e.EventData)
            .Where(d => d.VariableMonitoringId == monitorId && d.Cleared == cleared);
        await station.WaitForAsync<NotifyEventRequest>(_ => Matching().Count() > skip); // events of one check share a NotifyEvent
        return Matching().ElementAt(skip);
    }

    private static async Task<int> HardWiredIdAsync(BootedStation station) =>
        (await ReportAsync(station, 20, [MonitoringCriterion.ThresholdMonitoring])).Where(m => m.Severity == 1).Select(m => m.Id).First();

    private static async Task<List<VariableMonitoring>> ReportAsync(BootedStation station, int requestId, IReadOnlyList<MonitoringCriterion>? criteria = null)
    {
        var answer = await station.SendAsync(new GetMonitoringReportRequest { RequestId = requestId, MonitoringCriteria = criteria });
        Assert.Equal(GenericDeviceModelStatus.Accepted, answer.Status);
        await station.WaitForAsync<NotifyMonitoringReportRequest>(part => part.RequestId == requestId && part.Tbc != true);
        return [.. station.Received<NotifyMonitoringReportRequest>().Where(part => part.RequestId == requestId)
            .SelectMany(part => part.Monitor ?? []).SelectMany(data => data.VariableMonitoring)];
    }
}
