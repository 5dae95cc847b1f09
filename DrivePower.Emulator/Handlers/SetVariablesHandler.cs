using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>SetVariables: writable variables change at once (a new HeartbeatInterval restarts the heartbeat wait).</summary>
internal static class SetVariablesHandler
{
    public static OcppHandlerRegistry OnSetVariables(this OcppHandlerRegistry handlers) =>
        handlers.On<SetVariablesRequest, SetVariablesResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            var names = string.Join(", ", request.SetVariableData.Select(data => $"{data.Component.Name}.{data.Variable.Name}={data.AttributeValue}"));
            station.CommandReceived(context.Action, names);
            var answer = new SetVariablesResponse { SetVariableResult = [.. request.SetVariableData.Select(station.DeviceModel.Set)] };
            station.AfterAnswer(() =>
            {
                station.ObserveMonitors(); // a monitored setting may have changed
                return Task.CompletedTask;
            });
            return ValueTask.FromResult(answer);
        });
}
