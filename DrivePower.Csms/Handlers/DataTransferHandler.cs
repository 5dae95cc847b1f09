using DrivePower.Csms.DataTransfer;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>DataTransfer from a station: its vendor's handler answers, or UnknownVendorId when none is registered.</summary>
public sealed class DataTransferHandler(DataTransferVendors vendors) : IStationCallHandler<DataTransferRequest, DataTransferResponse>
{
    public ValueTask<DataTransferResponse> HandleAsync(OcppCallContext context, DataTransferRequest request, CancellationToken cancellationToken) =>
        vendors.Find(request.VendorId) is { } vendor
            ? vendor.HandleAsync(context.StationId, request, cancellationToken)
            : ValueTask.FromResult(new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId });
}
