using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>DataTransfer: the emulator has no vendor extensions, so every vendor id is unknown.</summary>
internal static class DataTransferHandler
{
    public static OcppHandlerRegistry OnDataTransfer(this OcppHandlerRegistry handlers) =>
        handlers.On<DataTransferRequest, DataTransferResponse>((context, request, _) =>
        {
            StationHandlers.StationOf(context).CommandReceived(context.Action, $"vendor {request.VendorId}");
            return ValueTask.FromResult(new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId });
        });
}
