using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Csms.Handlers;

/// <summary>ReportChargingProfiles: each reported profile is stored (replacing one of the same id) before the answer.</summary>
public sealed class ReportChargingProfilesHandler(ChargingProfileStore profiles, TimeProvider time)
    : IStationCallHandler<ReportChargingProfilesRequest, ReportChargingProfilesResponse>
{
    public async ValueTask<ReportChargingProfilesResponse> HandleAsync(
        OcppCallContext context, ReportChargingProfilesRequest request, CancellationToken cancellationToken)
    {
        await profiles.RecordReportAsync(context.StationId, request, time.GetUtcNow(), cancellationToken);
        return new ReportChargingProfilesResponse();
    }
}
