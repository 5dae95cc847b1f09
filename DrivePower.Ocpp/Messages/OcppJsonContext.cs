using System.Text.Json.Serialization;

namespace DrivePower.Ocpp.Messages;

/// <summary>
/// Source-generated JSON contracts for every OCPP message: camelCase names, enums as their wire
/// names, absent optional fields omitted (never written as null), date-times in RFC 3339 with "Z"
/// for UTC (<see cref="OcppDateTimeConverter"/>), integers read as JSON Schema draft-06 integers
/// (<see cref="OcppIntegerConverter"/>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    RespectRequiredConstructorParameters = true,
    AllowOutOfOrderMetadataProperties = true,
    Converters = [typeof(OcppIntegerConverter), typeof(OcppDateTimeConverter)])]
[JsonSerializable(typeof(BootNotificationRequest))]
[JsonSerializable(typeof(BootNotificationResponse))]
[JsonSerializable(typeof(HeartbeatRequest))]
[JsonSerializable(typeof(HeartbeatResponse))]
[JsonSerializable(typeof(StatusNotificationRequest))]
[JsonSerializable(typeof(StatusNotificationResponse))]
[JsonSerializable(typeof(AuthorizeRequest))]
[JsonSerializable(typeof(AuthorizeResponse))]
[JsonSerializable(typeof(TransactionEventRequest))]
[JsonSerializable(typeof(TransactionEventResponse))]
[JsonSerializable(typeof(MeterValuesRequest))]
[JsonSerializable(typeof(MeterValuesResponse))]
[JsonSerializable(typeof(NotifyEventRequest))]
[JsonSerializable(typeof(NotifyEventResponse))]
[JsonSerializable(typeof(NotifyReportRequest))]
[JsonSerializable(typeof(NotifyReportResponse))]
[JsonSerializable(typeof(SecurityEventNotificationRequest))]
[JsonSerializable(typeof(SecurityEventNotificationResponse))]
[JsonSerializable(typeof(FirmwareStatusNotificationRequest))]
[JsonSerializable(typeof(FirmwareStatusNotificationResponse))]
[JsonSerializable(typeof(LogStatusNotificationRequest))]
[JsonSerializable(typeof(LogStatusNotificationResponse))]
[JsonSerializable(typeof(DataTransferRequest))]
[JsonSerializable(typeof(DataTransferResponse))]
[JsonSerializable(typeof(RequestStartTransactionRequest))]
[JsonSerializable(typeof(RequestStartTransactionResponse))]
[JsonSerializable(typeof(RequestStopTransactionRequest))]
[JsonSerializable(typeof(RequestStopTransactionResponse))]
[JsonSerializable(typeof(GetTransactionStatusRequest))]
[JsonSerializable(typeof(GetTransactionStatusResponse))]
[JsonSerializable(typeof(ResetRequest))]
[JsonSerializable(typeof(ResetResponse))]
[JsonSerializable(typeof(ChangeAvailabilityRequest))]
[JsonSerializable(typeof(ChangeAvailabilityResponse))]
[JsonSerializable(typeof(UnlockConnectorRequest))]
[JsonSerializable(typeof(UnlockConnectorResponse))]
[JsonSerializable(typeof(GetVariablesRequest))]
[JsonSerializable(typeof(GetVariablesResponse))]
[JsonSerializable(typeof(SetVariablesRequest))]
[JsonSerializable(typeof(SetVariablesResponse))]
[JsonSerializable(typeof(GetBaseReportRequest))]
[JsonSerializable(typeof(GetBaseReportResponse))]
[JsonSerializable(typeof(TriggerMessageRequest))]
[JsonSerializable(typeof(TriggerMessageResponse))]
[JsonSerializable(typeof(ClearCacheRequest))]
[JsonSerializable(typeof(ClearCacheResponse))]
[JsonSerializable(typeof(SetChargingProfileRequest))]
[JsonSerializable(typeof(SetChargingProfileResponse))]
[JsonSerializable(typeof(GetChargingProfilesRequest))]
[JsonSerializable(typeof(GetChargingProfilesResponse))]
[JsonSerializable(typeof(ReportChargingProfilesRequest))]
[JsonSerializable(typeof(ReportChargingProfilesResponse))]
[JsonSerializable(typeof(ClearChargingProfileRequest))]
[JsonSerializable(typeof(ClearChargingProfileResponse))]
[JsonSerializable(typeof(GetCompositeScheduleRequest))]
[JsonSerializable(typeof(GetCompositeScheduleResponse))]
[JsonSerializable(typeof(NotifyChargingLimitRequest))]
[JsonSerializable(typeof(NotifyChargingLimitResponse))]
[JsonSerializable(typeof(ClearedChargingLimitRequest))]
[JsonSerializable(typeof(ClearedChargingLimitResponse))]
[JsonSerializable(typeof(CustomData))]
[JsonSerializable(typeof(StatusInfo))]
[JsonSerializable(typeof(Evse))]
[JsonSerializable(typeof(IdToken))]
[JsonSerializable(typeof(IdTokenInfo))]
[JsonSerializable(typeof(MessageContent))]
[JsonSerializable(typeof(MeterValue))]
[JsonSerializable(typeof(SampledValue))]
[JsonSerializable(typeof(Component))]
[JsonSerializable(typeof(Variable))]
[JsonSerializable(typeof(ChargingProfile))]
public sealed partial class OcppJsonContext : JsonSerializerContext;
