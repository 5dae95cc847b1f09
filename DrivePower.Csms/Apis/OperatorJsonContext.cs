using System.Text.Json;
using System.Text.Json.Serialization;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Commands;
using DrivePower.Csms.Events;
using DrivePower.Csms.Journal;

namespace DrivePower.Csms.Apis;

/// <summary>Source-generated JSON contracts of the operator API (web defaults: camelCase), first in the HTTP resolver chain.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<StationSummary>))]
[JsonSerializable(typeof(StationDetails))]
[JsonSerializable(typeof(List<TransactionSummary>))]
[JsonSerializable(typeof(TransactionDetails))]
[JsonSerializable(typeof(List<IdTokenInfoModel>))]
[JsonSerializable(typeof(IdTokenInfoModel))]
[JsonSerializable(typeof(IdTokenCreate))]
[JsonSerializable(typeof(IdTokenUpdate))]
[JsonSerializable(typeof(List<CommandsApi.ViolationModel>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<CommandInfo>))]
[JsonSerializable(typeof(StationEvent))]
[JsonSerializable(typeof(EventsApi.StreamReset))]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(JournalPage))]
[JsonSerializable(typeof(JournalEntryDetails))]
[JsonSerializable(typeof(List<ChargingProfileModel>))]
[JsonSerializable(typeof(List<ChargingLimitModel>))]
[JsonSerializable(typeof(ChargingProfileCommandResult))]
[JsonSerializable(typeof(List<ReservationModel>))]
[JsonSerializable(typeof(ReservationCommandResult))]
[JsonSerializable(typeof(LocalAuthListModel))]
[JsonSerializable(typeof(LocalAuthListCommandResult))]
[JsonSerializable(typeof(LocalAuthListVersionModel))]
[JsonSerializable(typeof(List<DisplayMessageModel>))]
[JsonSerializable(typeof(DisplayMessageCommandResult))]
[JsonSerializable(typeof(TariffRequest))]
[JsonSerializable(typeof(TariffModel))]
[JsonSerializable(typeof(LogRequestBody))]
[JsonSerializable(typeof(LogRequestResult))]
[JsonSerializable(typeof(List<StationLogModel>))]
[JsonSerializable(typeof(CustomerInformationModel))]
[JsonSerializable(typeof(FirmwareFileModel))]
[JsonSerializable(typeof(List<FirmwareFileModel>))]
[JsonSerializable(typeof(FirmwareUpdateBody))]
[JsonSerializable(typeof(FirmwareUpdateResult))]
[JsonSerializable(typeof(List<FirmwareUpdateModel>))]
internal sealed partial class OperatorJsonContext : JsonSerializerContext;
