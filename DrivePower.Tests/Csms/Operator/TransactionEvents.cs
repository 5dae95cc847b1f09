using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Csms.Operator;

/// <summary>Builds the TransactionEvent and MeterValues requests the tests send.</summary>
public static class TransactionEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static TransactionEventRequest Event(
        TransactionEventType type, int seqNo, string transactionId, decimal? energyWh = null, ChargingState? state = null,
        StoppedReason? reason = null, IdToken? idToken = null, int? evseId = 1) => new()
        {
            EventType = type,
            SeqNo = seqNo,
            Timestamp = T0.AddMinutes(seqNo),
            TriggerReason = type switch
            {
                TransactionEventType.Started => TriggerReason.CablePluggedIn,
                TransactionEventType.Ended => TriggerReason.EVDeparted,
                _ => TriggerReason.MeterValuePeriodic,
            },
            TransactionInfo = new Transaction { TransactionId = transactionId, ChargingState = state, StoppedReason = reason },
            Evse = evseId is { } evse ? new Evse { Id = evse, ConnectorId = 1 } : null,
            IdToken = idToken,
            MeterValue = energyWh is { } wh ? [Reading(T0.AddMinutes(seqNo), wh)] : null,
        };

    /// <summary>An energy register reading (Wh) and a power sample at the same time.</summary>
    public static MeterValue Reading(DateTimeOffset at, decimal energyWh) => new()
    {
        Timestamp = at,
        SampledValue =
        [
            new SampledValue { Value = energyWh, Measurand = Measurand.EnergyActiveImportRegister },
            new SampledValue { Value = 7.2m, Measurand = Measurand.PowerActiveImport, UnitOfMeasure = new UnitOfMeasure { Unit = "kW", Multiplier = 3 } },
        ],
    };

    public static IdToken Token(string token, IdTokenType type = IdTokenType.ISO14443) => new() { Token = token, Type = type };
}
