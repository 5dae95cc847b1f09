using DrivePower.Emulator.Configuration;
using DrivePower.Emulator.Diagnostics;
using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Stations;

/// <summary>What every station of the process shares: settings, handlers, logging, telemetry.</summary>
internal sealed class StationServices(
    EmulatorOptions options,
    OcppHandlerRegistry handlers,
    OcppRpcTelemetry rpcTelemetry,
    EmulatorMetrics metrics,
    ILoggerFactory loggerFactory)
{
    public EmulatorOptions Options { get; } = options;

    public OcppHandlerRegistry Handlers { get; } = handlers;

    public OcppRpcTelemetry RpcTelemetry { get; } = rpcTelemetry;

    public EmulatorMetrics Metrics { get; } = metrics;

    public ILoggerFactory LoggerFactory { get; } = loggerFactory;

    public ILogger Logger { get; } = loggerFactory.CreateLogger(StationLog.Category);

    /// <summary>Every station's recent frames, for the logs a GetLog asks for.</summary>
    public FrameRecorder Frames { get; } = new(TimeProvider.System);

    /// <summary>The client log uploads and firmware downloads go out on (one for the process, as HttpClient wants).</summary>
    public HttpClient UploadClient { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public OcppRpcOptions RpcOptions => _rpcOptions ??= new() { CallTimeout = Options.CallTimeout, FrameObserver = Frames };

    private OcppRpcOptions? _rpcOptions;
}
