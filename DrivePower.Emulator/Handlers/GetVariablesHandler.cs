using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>GetVariables: each requested variable read from the device model, with its own status.</summary>
internal static class GetVariablesHandler
{
    public static OcppHandlerRegistry OnGetVariables(this OcppHandlerRegistry handlers) =>
        handlers.On<GetVariablesRequest, GetVariablesResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"{request.GetVariableData.Count} variable(s)");
            return ValueTask.FromResult(new GetVariablesResponse
            {
                GetVariableResult = [.. request.GetVariableData.Select(station.DeviceModel.Get)],
            });
        });
}
