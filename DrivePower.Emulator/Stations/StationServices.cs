using DrivePower.Emulator.Configuration;
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

    public OcppRpcOptions RpcOptions { get; } = new() { CallTimeout = options.CallTimeout };
}
