using System.Collections.Concurrent;
using System.Diagnostics;
using DrivePower.Ocpp.Rpc;
using DrivePower.Tests.Csms;
using DrivePower.Tests.Emulator;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Ocpp.Rpc;

/// <summary>The emulator, the real CSMS and PostgreSQL in one process: one OCPP call is one trace from station to SQL.</summary>
public sealed class TraceAcrossTheStandTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task An_emulator_boot_notification_its_csms_handler_and_the_handlers_sql_share_the_emulators_trace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is OcppRpcTelemetry.Name or "Npgsql",
            // This test's stations' spans and the SQL under recorded spans; nothing of other tests.
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                TraceContextTests.StationOf(options.Tags)?.StartsWith("EMU-TRACE", StringComparison.Ordinal) == true
                || (options.Source.Name == "Npgsql" && options.Parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded))
                    ? ActivitySamplingResult.AllDataAndRecorded
                    : ActivitySamplingResult.None,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var csms = await CsmsTestHost.StartAsync(database.ConnectionString);
        using var emulator = EmulatorHost.Build(new Dictionary<string, string?>
        {
            ["CSMS_URL"] = $"ws://{csms.BaseAddress.Authority}/ocpp",
            ["STATION_ID"] = "EMU-TRACE",
        });
        await emulator.StartAsync();

        Activity Boot(ActivityKind kind) => stopped.First(activity => activity.Kind == kind && activity.OperationName == "OCPP BootNotification"
            && (activity.GetTagItem("ocpp.station_id") as string)?.StartsWith("EMU-TRACE", StringComparison.Ordinal) == true);
        bool IsBooted() => stopped.Any(activity => activity.Kind == ActivityKind.Client && activity.OperationName == "OCPP BootNotification"
            && (activity.GetTagItem("ocpp.station_id") as string)?.StartsWith("EMU-TRACE", StringComparison.Ordinal) == true);
        await Sql.EventuallyAsync(() => Task.FromResult(IsBooted()), TimeSpan.FromSeconds(20));
        await emulator.StopAsync();

        var (stationCall, csmsHandler) = (Boot(ActivityKind.Client), Boot(ActivityKind.Server));
        Assert.Equal((stationCall.TraceId, stationCall.SpanId), (csmsHandler.TraceId, csmsHandler.ParentSpanId));
        var sql = stopped.Where(activity => activity.Source.Name == "Npgsql" && activity.TraceId == stationCall.TraceId).ToList();
        Assert.NotEmpty(sql);
        Assert.All(sql, activity => Assert.Contains(csmsHandler, Ancestors(activity)));
    }

    private static IEnumerable<Activity> Ancestors(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
            yield return parent;
    }
}
