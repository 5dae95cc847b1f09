using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Csms.Events;

/// <summary>What a MeterValues message tells the live stream.</summary>
internal static class MeterReadings
{
    public static MeterValuesEvent ToEvent(string stationId, MeterValuesRequest request, int values)
    {
        decimal? meterWh = null;
        foreach (var meterValue in request.MeterValue)
        {
            foreach (var sampled in meterValue.SampledValue)
            {
                // As the transactions' energy columns: the register, no phase, scaled by its multiplier.
                if (sampled.Measurand is null or Measurand.EnergyActiveImportRegister && sampled.Phase is null)
                    meterWh = MeterValueRows.Scale(sampled.Value, sampled.UnitOfMeasure?.Multiplier ?? 0);
            }
        }

        return new MeterValuesEvent(stationId, request.MeterValue[^1].Timestamp, request.EvseId, values, meterWh);
    }
}
