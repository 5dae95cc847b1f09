using DrivePower.Ocpp.Messages;

namespace DrivePower.Csms.DataTransfer;

/// <summary>Answers a station's DataTransfer for one vendorId; register with <see cref="DataTransferExtensions.AddDataTransferVendor{THandler}"/>.</summary>
public interface IDataTransferVendorHandler
{
    /// <summary>The vendorId this handler answers (exact, case-sensitive).</summary>
    string VendorId { get; }

    ValueTask<DataTransferResponse> HandleAsync(string stationId, DataTransferRequest request, CancellationToken cancellationToken);
}
