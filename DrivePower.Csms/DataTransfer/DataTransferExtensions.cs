using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DrivePower.Csms.DataTransfer;

public static class DataTransferExtensions
{
    /// <summary>Makes <typeparamref name="THandler"/> answer station DataTransfer CALLs for its vendorId.</summary>
    public static IServiceCollection AddDataTransferVendor<THandler>(this IServiceCollection services)
        where THandler : class, IDataTransferVendorHandler
    {
        services.TryAddSingleton<DataTransferVendors>();
        services.AddSingleton<IDataTransferVendorHandler, THandler>();
        return services;
    }
}
