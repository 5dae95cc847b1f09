using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>
/// SendLocalList (D01/D02): Accepted and applied; Failed when LocalAuthListCtrlr.Enabled is false, the
/// message carries more than ItemsPerMessage entries, names a token twice, or is a Full list whose entries
/// lack their idTokenInfo; VersionMismatch when a Differential update is not newer than the list.
/// </summary>
internal static class SendLocalListHandler
{
    public static OcppHandlerRegistry OnSendLocalList(this OcppHandlerRegistry handlers) =>
        handlers.On<SendLocalListRequest, SendLocalListResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            var entries = request.LocalAuthorizationList ?? [];
            station.CommandReceived(context.Action, $"{request.UpdateType} version {request.VersionNumber}, {entries.Count} entries");
            var failure = !station.DeviceModel.LocalAuthListEnabled ? "LocalAuthListCtrlr.Enabled is false."
                : request.VersionNumber <= 0 ? "versionNumber must be above 0."
                : entries.Count > DeviceModel.ItemsPerMessage ? $"At most {DeviceModel.ItemsPerMessage} entries per message (LocalAuthListCtrlr.ItemsPerMessage)."
                : entries.GroupBy(entry => (entry.IdToken.Type, entry.IdToken.Token.ToUpperInvariant())).Any(group => group.Count() > 1) ? "A token appears twice."
                : request.UpdateType == UpdateType.Full && entries.Any(entry => entry.IdTokenInfo is null) ? "A Full list needs idTokenInfo for every entry."
                : null;
            if (failure is not null)
                return ValueTask.FromResult(new SendLocalListResponse { Status = SendLocalListStatus.Failed, StatusInfo = new StatusInfo { ReasonCode = "Invalid", AdditionalInfo = failure } });
            return ValueTask.FromResult(station.LocalAuthList.Apply(request)
                ? new SendLocalListResponse { Status = SendLocalListStatus.Accepted }
                : new SendLocalListResponse
                {
                    Status = SendLocalListStatus.VersionMismatch,
                    StatusInfo = new StatusInfo { ReasonCode = "VersionMismatch", AdditionalInfo = $"The list is at version {station.LocalAuthList.Version}." },
                });
        });

    /// <summary>GetLocalListVersion (D03): the list's version; 0 when there is none or the list is disabled.</summary>
    public static OcppHandlerRegistry OnGetLocalListVersion(this OcppHandlerRegistry handlers) =>
        handlers.On<GetLocalListVersionRequest, GetLocalListVersionResponse>((context, _, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"version {station.LocalAuthList.Version}");
            return ValueTask.FromResult(new GetLocalListVersionResponse
            {
                VersionNumber = station.DeviceModel.LocalAuthListEnabled ? station.LocalAuthList.Version : 0,
            });
        });
}
