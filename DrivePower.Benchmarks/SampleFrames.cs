using System.Text;

namespace DrivePower.Benchmarks;

/// <summary>Realistic frames: what a charging station sends most.</summary>
internal static class SampleFrames
{
    public const string TransactionEventPayload = """
        {"eventType":"Updated","timestamp":"2026-11-23T12:00:10.000Z","triggerReason":"MeterValuePeriodic","seqNo":7,
         "transactionInfo":{"transactionId":"5f6c2a1e-0d7b-4b8e-9a51-2f1d3c4b5a69","chargingState":"Charging"},
         "evse":{"id":1,"connectorId":1},
         "meterValue":[{"timestamp":"2026-11-23T12:00:10.000Z","sampledValue":[
           {"value":1234.5,"context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"Wh"}},
           {"value":11000,"context":"Sample.Periodic","measurand":"Power.Active.Import","unitOfMeasure":{"unit":"W"}},
           {"value":16,"context":"Sample.Periodic","measurand":"Current.Import","phase":"L1"},
           {"value":230.1,"context":"Sample.Periodic","measurand":"Voltage","phase":"L1-N"}]}]}
        """;

    public static readonly byte[] TransactionEventFrame =
        Encoding.UTF8.GetBytes($$"""[2,"19223201","TransactionEvent",{{TransactionEventPayload}}]""");

    public static readonly byte[] HeartbeatFrame = Encoding.UTF8.GetBytes("""[2,"19223202","Heartbeat",{}]""");
}
