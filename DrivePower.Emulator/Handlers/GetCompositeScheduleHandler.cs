using DrivePower.Emulator.SmartCharging;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Handlers;

/// <summary>GetCompositeSchedule (K08): the limits in force on the EVSE from now for the duration asked, in the unit asked (default W).</summary>
internal static class GetCompositeScheduleHandler
{
    public static OcppHandlerRegistry OnGetCompositeSchedule(this OcppHandlerRegistry handlers) =>
        handlers.On<GetCompositeScheduleRequest, GetCompositeScheduleResponse>((context, request, _) =>
        {
            var station = StationHandlers.StationOf(context);
            station.CommandReceived(context.Action, $"EVSE {request.EvseId} for {request.Duration} s");
            var unit = request.ChargingRateUnit ?? ChargingRateUnit.W;
            var rejection = request.EvseId != 0 && station.FindEvse(request.EvseId) is null ? new StatusInfo { ReasonCode = "UnknownEvse" }
                : request.Duration <= 0 ? new StatusInfo { ReasonCode = "InvalidValue", AdditionalInfo = "duration must be positive." }
                : !station.DeviceModel.RateUnits.Contains(unit) ? new StatusInfo { ReasonCode = "UnsupportedRateUnit" }
                : null;
            if (rejection is not null)
                return ValueTask.FromResult(new GetCompositeScheduleResponse { Status = GenericStatus.Rejected, StatusInfo = rejection });

            var now = DateTimeOffset.UtcNow;
            var start = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)); // whole seconds, as startPeriod counts them
            return ValueTask.FromResult(new GetCompositeScheduleResponse
            {
                Status = GenericStatus.Accepted,
                Schedule = CompositeScheduler.Compute(station, request.EvseId, start, request.Duration, unit),
            });
        });
}
