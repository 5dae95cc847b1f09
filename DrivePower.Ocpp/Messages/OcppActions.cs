using System.Collections.Frozen;
using System.Text.Json.Serialization.Metadata;

namespace DrivePower.Ocpp.Messages;

/// <summary>The catalogue of every action this library speaks, by exact (case-sensitive) name and by request type.</summary>
public static class OcppActions
{
    private static readonly OcppJsonContext Json = OcppJsonContext.Default;

    public static IReadOnlyList<OcppAction> All { get; } =
    [
        Define("BootNotification", OcppDirection.StationToCsms, Json.BootNotificationRequest, Json.BootNotificationResponse),
        Define("Heartbeat", OcppDirection.StationToCsms, Json.HeartbeatRequest, Json.HeartbeatResponse),
        Define("StatusNotification", OcppDirection.StationToCsms, Json.StatusNotificationRequest, Json.StatusNotificationResponse),
        Define("Authorize", OcppDirection.StationToCsms, Json.AuthorizeRequest, Json.AuthorizeResponse),
        Define("TransactionEvent", OcppDirection.StationToCsms, Json.TransactionEventRequest, Json.TransactionEventResponse),
        Define("MeterValues", OcppDirection.StationToCsms, Json.MeterValuesRequest, Json.MeterValuesResponse),
        Define("NotifyEvent", OcppDirection.StationToCsms, Json.NotifyEventRequest, Json.NotifyEventResponse),
        Define("NotifyReport", OcppDirection.StationToCsms, Json.NotifyReportRequest, Json.NotifyReportResponse),
        Define("SecurityEventNotification", OcppDirection.StationToCsms, Json.SecurityEventNotificationRequest, Json.SecurityEventNotificationResponse),
        Define("FirmwareStatusNotification", OcppDirection.StationToCsms, Json.FirmwareStatusNotificationRequest, Json.FirmwareStatusNotificationResponse),
        Define("LogStatusNotification", OcppDirection.StationToCsms, Json.LogStatusNotificationRequest, Json.LogStatusNotificationResponse),
        Define("DataTransfer", OcppDirection.Both, Json.DataTransferRequest, Json.DataTransferResponse),
        Define("RequestStartTransaction", OcppDirection.CsmsToStation, Json.RequestStartTransactionRequest, Json.RequestStartTransactionResponse),
        Define("RequestStopTransaction", OcppDirection.CsmsToStation, Json.RequestStopTransactionRequest, Json.RequestStopTransactionResponse),
        Define("GetTransactionStatus", OcppDirection.CsmsToStation, Json.GetTransactionStatusRequest, Json.GetTransactionStatusResponse),
        Define("Reset", OcppDirection.CsmsToStation, Json.ResetRequest, Json.ResetResponse),
        Define("ChangeAvailability", OcppDirection.CsmsToStation, Json.ChangeAvailabilityRequest, Json.ChangeAvailabilityResponse),
        Define("UnlockConnector", OcppDirection.CsmsToStation, Json.UnlockConnectorRequest, Json.UnlockConnectorResponse),
        Define("GetVariables", OcppDirection.CsmsToStation, Json.GetVariablesRequest, Json.GetVariablesResponse),
        Define("SetVariables", OcppDirection.CsmsToStation, Json.SetVariablesRequest, Json.SetVariablesResponse),
        Define("GetBaseReport", OcppDirection.CsmsToStation, Json.GetBaseReportRequest, Json.GetBaseReportResponse),
        Define("TriggerMessage", OcppDirection.CsmsToStation, Json.TriggerMessageRequest, Json.TriggerMessageResponse),
        Define("ClearCache", OcppDirection.CsmsToStation, Json.ClearCacheRequest, Json.ClearCacheResponse),
        Define("SetChargingProfile", OcppDirection.CsmsToStation, Json.SetChargingProfileRequest, Json.SetChargingProfileResponse),
        Define("GetChargingProfiles", OcppDirection.CsmsToStation, Json.GetChargingProfilesRequest, Json.GetChargingProfilesResponse),
        Define("ReportChargingProfiles", OcppDirection.StationToCsms, Json.ReportChargingProfilesRequest, Json.ReportChargingProfilesResponse),
        Define("ClearChargingProfile", OcppDirection.CsmsToStation, Json.ClearChargingProfileRequest, Json.ClearChargingProfileResponse),
        Define("GetCompositeSchedule", OcppDirection.CsmsToStation, Json.GetCompositeScheduleRequest, Json.GetCompositeScheduleResponse),
        Define("NotifyChargingLimit", OcppDirection.StationToCsms, Json.NotifyChargingLimitRequest, Json.NotifyChargingLimitResponse),
        Define("ClearedChargingLimit", OcppDirection.StationToCsms, Json.ClearedChargingLimitRequest, Json.ClearedChargingLimitResponse),
        Define("ReserveNow", OcppDirection.CsmsToStation, Json.ReserveNowRequest, Json.ReserveNowResponse),
        Define("CancelReservation", OcppDirection.CsmsToStation, Json.CancelReservationRequest, Json.CancelReservationResponse),
        Define("ReservationStatusUpdate", OcppDirection.StationToCsms, Json.ReservationStatusUpdateRequest, Json.ReservationStatusUpdateResponse),
        Define("SendLocalList", OcppDirection.CsmsToStation, Json.SendLocalListRequest, Json.SendLocalListResponse),
        Define("GetLocalListVersion", OcppDirection.CsmsToStation, Json.GetLocalListVersionRequest, Json.GetLocalListVersionResponse),
        Define("SetDisplayMessage", OcppDirection.CsmsToStation, Json.SetDisplayMessageRequest, Json.SetDisplayMessageResponse),
        Define("GetDisplayMessages", OcppDirection.CsmsToStation, Json.GetDisplayMessagesRequest, Json.GetDisplayMessagesResponse),
        Define("NotifyDisplayMessages", OcppDirection.StationToCsms, Json.NotifyDisplayMessagesRequest, Json.NotifyDisplayMessagesResponse),
        Define("ClearDisplayMessage", OcppDirection.CsmsToStation, Json.ClearDisplayMessageRequest, Json.ClearDisplayMessageResponse),
        Define("CostUpdated", OcppDirection.CsmsToStation, Json.CostUpdatedRequest, Json.CostUpdatedResponse),
        Define("GetLog", OcppDirection.CsmsToStation, Json.GetLogRequest, Json.GetLogResponse),
        Define("CustomerInformation", OcppDirection.CsmsToStation, Json.CustomerInformationRequest, Json.CustomerInformationResponse),
        Define("NotifyCustomerInformation", OcppDirection.StationToCsms, Json.NotifyCustomerInformationRequest, Json.NotifyCustomerInformationResponse),
        Define("SetVariableMonitoring", OcppDirection.CsmsToStation, Json.SetVariableMonitoringRequest, Json.SetVariableMonitoringResponse),
        Define("ClearVariableMonitoring", OcppDirection.CsmsToStation, Json.ClearVariableMonitoringRequest, Json.ClearVariableMonitoringResponse),
        Define("SetMonitoringBase", OcppDirection.CsmsToStation, Json.SetMonitoringBaseRequest, Json.SetMonitoringBaseResponse),
        Define("SetMonitoringLevel", OcppDirection.CsmsToStation, Json.SetMonitoringLevelRequest, Json.SetMonitoringLevelResponse),
        Define("GetMonitoringReport", OcppDirection.CsmsToStation, Json.GetMonitoringReportRequest, Json.GetMonitoringReportResponse),
        Define("NotifyMonitoringReport", OcppDirection.StationToCsms, Json.NotifyMonitoringReportRequest, Json.NotifyMonitoringReportResponse),
        Define("UpdateFirmware", OcppDirection.CsmsToStation, Json.UpdateFirmwareRequest, Json.UpdateFirmwareResponse),
    ];

    private static readonly FrozenDictionary<string, OcppAction> ByName =
        All.ToFrozenDictionary(action => action.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, OcppAction> ByRequestType =
        All.ToFrozenDictionary(action => action.Request.Type);

    /// <summary>The action of this exact name, or null: names are case-sensitive.</summary>
    public static OcppAction? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The action whose request is <paramref name="requestType"/>.</summary>
    public static OcppAction ForRequest(Type requestType) =>
        ByRequestType.TryGetValue(requestType, out var action)
            ? action
            : throw new ArgumentException($"{requestType.Name} is not the request of a known OCPP action.", nameof(requestType));

    private static OcppAction Define<TRequest, TResponse>(
        string name, OcppDirection direction, JsonTypeInfo<TRequest> request, JsonTypeInfo<TResponse> response)
        where TRequest : IOcppRequest<TResponse>
        where TResponse : IOcppResponse =>
        new(name, direction, request, response);
}
