using DrivePower.Emulator.Stations;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>GetChargingProfiles (K09): Accepted, then one ReportChargingProfiles per EVSE (tbc until the last); NoProfiles when none match.</summary>
internal static class GetChargingProfilesHandler
{
    public static OcppHandlerRegistry OnGetChargingProfiles(this OcppHandlerRegistry handlers) =>
        handlers.On<GetChargingProfilesRequest, GetChargingProfilesResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            var matching = station.ChargingProfiles.Matching(request);
            station.CommandReceived(context.Action, $"request {request.RequestId}: {matching.Count} profile(s)");
            if (matching.Count == 0)
                return ValueTask.FromResult(new GetChargingProfilesResponse { Status = GetChargingProfileStatus.NoProfiles });

            var reports = matching.GroupBy(held => held.EvseId).OrderBy(group => group.Key).ToList();
            station.AfterAnswer(() => ReportAsync(station, request.RequestId, reports));
            return ValueTask.FromResult(new GetChargingProfilesResponse { Status = GetChargingProfileStatus.Accepted });
        });

    private static async Task ReportAsync(Station station, int requestId, List<IGrouping<int, SmartCharging.InstalledProfile>> reports)
    {
        for (var i = 0; i < reports.Count; i++)
        {
            var report = new ReportChargingProfilesRequest
            {
                RequestId = requestId,
                ChargingLimitSource = ChargingLimitSource.CSO,
                EvseId = reports[i].Key,
                ChargingProfile = [.. reports[i].Select(held => held.Profile)],
                Tbc = i < reports.Count - 1 ? true : null,
            };
            if (await station.SendNowAsync(report, CancellationToken.None).ConfigureAwait(false) is null)
                return; // not delivered: the CSMS can ask again
        }
    }
}
