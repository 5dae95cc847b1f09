using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DrivePower.Ocpp.Rpc;

/// <summary>
/// Traces and metrics of OCPP RPC, under the name <see cref="Name"/>: a span per CALL handled or sent,
/// and the instruments <c>ocpp.calls</c>, <c>ocpp.calls.duration</c>, <c>ocpp.errors</c> and
/// <c>ocpp.frames.rejected</c>, tagged by action, direction, outcome and error code.
/// </summary>
public sealed class OcppRpcTelemetry
{
    public const string Name = "DrivePower.Ocpp";

    public static ActivitySource ActivitySource { get; } = new(Name);

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _rejectedFrames;

    public OcppRpcTelemetry(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _calls = meter.CreateCounter<long>("ocpp.calls", "{call}", "OCPP CALLs handled (inbound) and sent (outbound).");
        _duration = meter.CreateHistogram<double>("ocpp.calls.duration", "s", "Time from a CALL to its answer.");
        _errors = meter.CreateCounter<long>("ocpp.errors", "{error}", "CALLERRORs sent and received, by error code.");
        _rejectedFrames = meter.CreateCounter<long>("ocpp.frames.rejected", "{frame}", "Malformed frames received.");
    }

    /// <summary>
    /// The span of one CALL, a child of <paramref name="remoteParent"/> (the peer's span, for an inbound
    /// CALL that carried its trace context) or else of <see cref="Activity.Current"/>.
    /// </summary>
    internal static Activity? StartCall(string action, string stationId, string messageId, bool inbound, ActivityContext remoteParent = default)
    {
        if (!ActivitySource.HasListeners())
            return null;
        // Tags at creation, so samplers and listeners see them when the span starts.
        ActivityTagsCollection tags = new()
        {
            // OpenTelemetry's RPC conventions; the Aspire dashboard names client spans from these.
            { "rpc.system", "ocpp" },
            { "rpc.service", "OCPP" },
            { "rpc.method", action },
            { "ocpp.action", action },
            { "ocpp.station_id", stationId },
            { "ocpp.message_id", messageId },
            { "ocpp.direction", inbound ? "inbound" : "outbound" },
        };
        return ActivitySource.StartActivity($"OCPP {action}", inbound ? ActivityKind.Server : ActivityKind.Client, remoteParent, tags);
    }

    internal void RecordCall(Activity? activity, string action, bool inbound, string outcome, string? errorCode, TimeSpan elapsed)
    {
        var direction = inbound ? "inbound" : "outbound";
        var tags = new TagList { { "ocpp.action", action }, { "ocpp.direction", direction }, { "ocpp.outcome", outcome } };
        _calls.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
        if (errorCode is not null)
            _errors.Add(1, new TagList { { "ocpp.action", action }, { "ocpp.direction", direction }, { "ocpp.error_code", errorCode } });

        activity?.SetTag("ocpp.outcome", outcome);
        if (errorCode is not null)
        {
            activity?.SetTag("ocpp.error_code", errorCode);
            activity?.SetStatus(ActivityStatusCode.Error, errorCode);
        }
    }

    internal void RecordRejectedFrame(string errorCode) =>
        _rejectedFrames.Add(1, new KeyValuePair<string, object?>("ocpp.error_code", errorCode));
}
