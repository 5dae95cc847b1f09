namespace DrivePower.Csms.DataTransfer;

/// <summary>The registered <see cref="IDataTransferVendorHandler"/>s by vendorId; the last one registered for an id wins.</summary>
public sealed class DataTransferVendors(IEnumerable<IDataTransferVendorHandler> handlers)
{
    private readonly Dictionary<string, IDataTransferVendorHandler> _byVendor =
        handlers.GroupBy(handler => handler.VendorId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last(), StringComparer.Ordinal);

    public IDataTransferVendorHandler? Find(string vendorId) => _byVendor.GetValueOrDefault(vendorId);

    public IReadOnlyCollection<string> VendorIds => _byVendor.Keys;
}
