using DrivePower.Csms.Authorization;
using DrivePower.Csms.Data;
using DrivePower.Csms.DataTransfer;
using DrivePower.Ocpp.Messages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DrivePower.Csms.Handlers;

/// <summary>
/// The one place a station-to-CSMS action is wired: the services its handler needs, the handler, and its
/// route (the action is the request type's entry in <see cref="OcppActions"/>). Every route gets the
/// storage-failure rule of <see cref="CsmsHandlerRegistry.Guard{TRequest, TResponse}"/>.
/// </summary>
public static class CsmsHandlers
{
    public static IServiceCollection AddCsmsHandlers(this IServiceCollection services)
    {
        services.AddSingleton<IdTokenStore>();
        services.AddSingleton<IdTokenAuthorizer>();
        services.AddSingleton<TransactionStore>();
        services.AddSingleton<MeterValueStore>();
        services.AddSingleton<StationEventStore>();
        services.AddSingleton<StationStatusStore>();
        services.AddSingleton<DeviceModelStore>();
        services.TryAddSingleton<DataTransferVendors>();
        services.AddSingleton<ChargingProfileStore>();
        services.AddSingleton<ChargingLimitStore>();
        services.AddSingleton<ReservationStore>();
        services.AddSingleton<LocalAuthListStore>();
        services.AddSingleton<DisplayMessageStore>();
        services.AddSingleton<EndedTransactionCleanup>();
        services.AddSingleton<StationLogStore>();
        services.AddSingleton<CustomerInformationStore>();
        services.AddSingleton<VariableMonitorStore>();
        services.AddSingleton<FirmwareUpdateStore>();

        return services
            .AddStationCall<BootNotificationRequest, BootNotificationResponse, BootNotificationHandler>()
            .AddStationCall<HeartbeatRequest, HeartbeatResponse, HeartbeatHandler>()
            .AddStationCall<StatusNotificationRequest, StatusNotificationResponse, StatusNotificationHandler>()
            .AddStationCall<AuthorizeRequest, AuthorizeResponse, AuthorizeHandler>()
            .AddStationCall<TransactionEventRequest, TransactionEventResponse, TransactionEventHandler>()
            .AddStationCall<MeterValuesRequest, MeterValuesResponse, MeterValuesHandler>()
            .AddStationCall<NotifyEventRequest, NotifyEventResponse, NotifyEventHandler>()
            .AddStationCall<SecurityEventNotificationRequest, SecurityEventNotificationResponse, SecurityEventNotificationHandler>()
            .AddStationCall<NotifyReportRequest, NotifyReportResponse, NotifyReportHandler>()
            .AddStationCall<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse, FirmwareStatusNotificationHandler>()
            .AddStationCall<LogStatusNotificationRequest, LogStatusNotificationResponse, LogStatusNotificationHandler>()
            .AddStationCall<DataTransferRequest, DataTransferResponse, DataTransferHandler>()
            .AddStationCall<ReportChargingProfilesRequest, ReportChargingProfilesResponse, ReportChargingProfilesHandler>()
            .AddStationCall<NotifyChargingLimitRequest, NotifyChargingLimitResponse, NotifyChargingLimitHandler>()
            .AddStationCall<ClearedChargingLimitRequest, ClearedChargingLimitResponse, ClearedChargingLimitHandler>()
            .AddStationCall<ReservationStatusUpdateRequest, ReservationStatusUpdateResponse, ReservationStatusUpdateHandler>()
            .AddStationCall<NotifyDisplayMessagesRequest, NotifyDisplayMessagesResponse, NotifyDisplayMessagesHandler>()
            .AddStationCall<NotifyCustomerInformationRequest, NotifyCustomerInformationResponse, NotifyCustomerInformationHandler>()
            .AddStationCall<NotifyMonitoringReportRequest, NotifyMonitoringReportResponse, NotifyMonitoringReportHandler>();
    }

    /// <summary>Registers <typeparamref name="THandler"/> as the answer to <typeparamref name="TRequest"/>'s action.</summary>
    public static IServiceCollection AddStationCall<TRequest, TResponse, THandler>(this IServiceCollection services)
        where TRequest : IOcppRequest<TResponse>
        where TResponse : IOcppResponse
        where THandler : class, IStationCallHandler<TRequest, TResponse>
    {
        services.AddSingleton<THandler>();
        services.AddSingleton<IStationCallRoute, StationCallRoute<TRequest, TResponse, THandler>>();
        return services;
    }
}
