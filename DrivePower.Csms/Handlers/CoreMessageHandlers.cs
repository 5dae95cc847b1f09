using DrivePower.Csms.Authorization;
using DrivePower.Csms.Data;
using DrivePower.Csms.DataTransfer;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static DrivePower.Csms.Handlers.CsmsHandlerRegistry;

namespace DrivePower.Csms.Handlers;

/// <summary>The station-to-CSMS messages beyond boot, heartbeat and status: their services and registrations.</summary>
public static class CoreMessageHandlers
{
    public static IServiceCollection AddCoreMessageHandlers(this IServiceCollection services)
    {
        services.AddSingleton<IdTokenStore>();
        services.AddSingleton<IdTokenAuthorizer>();
        services.AddSingleton<TransactionStore>();
        services.AddSingleton<MeterValueStore>();
        services.AddSingleton<StationEventStore>();
        services.AddSingleton<StationStatusStore>();
        services.AddSingleton<DeviceModelStore>();
        services.TryAddSingleton<DataTransferVendors>();
        services.AddSingleton<AuthorizeHandler>();
        services.AddSingleton<TransactionEventHandler>();
        services.AddSingleton<MeterValuesHandler>();
        services.AddSingleton<NotifyEventHandler>();
        services.AddSingleton<SecurityEventNotificationHandler>();
        services.AddSingleton<NotifyReportHandler>();
        services.AddSingleton<FirmwareStatusNotificationHandler>();
        services.AddSingleton<LogStatusNotificationHandler>();
        services.AddSingleton<DataTransferHandler>();
        return services;
    }

    /// <summary>Registers each handler, guarded so a storage failure answers InternalError.</summary>
    public static OcppHandlerRegistry OnCoreMessages(this OcppHandlerRegistry registry, IServiceProvider services) => registry
        .On(Guard<AuthorizeRequest, AuthorizeResponse>("Authorize", services.GetRequiredService<AuthorizeHandler>().HandleAsync))
        .On(Guard<TransactionEventRequest, TransactionEventResponse>("TransactionEvent", services.GetRequiredService<TransactionEventHandler>().HandleAsync))
        .On(Guard<MeterValuesRequest, MeterValuesResponse>("MeterValues", services.GetRequiredService<MeterValuesHandler>().HandleAsync))
        .On(Guard<NotifyEventRequest, NotifyEventResponse>("NotifyEvent", services.GetRequiredService<NotifyEventHandler>().HandleAsync))
        .On(Guard<SecurityEventNotificationRequest, SecurityEventNotificationResponse>(
            "SecurityEventNotification", services.GetRequiredService<SecurityEventNotificationHandler>().HandleAsync))
        .On(Guard<NotifyReportRequest, NotifyReportResponse>("NotifyReport", services.GetRequiredService<NotifyReportHandler>().HandleAsync))
        .On(Guard<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(
            "FirmwareStatusNotification", services.GetRequiredService<FirmwareStatusNotificationHandler>().HandleAsync))
        .On(Guard<LogStatusNotificationRequest, LogStatusNotificationResponse>(
            "LogStatusNotification", services.GetRequiredService<LogStatusNotificationHandler>().HandleAsync))
        .On(Guard<DataTransferRequest, DataTransferResponse>("DataTransfer", services.GetRequiredService<DataTransferHandler>().HandleAsync));
}
