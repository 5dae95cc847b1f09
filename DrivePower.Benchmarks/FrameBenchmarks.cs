using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Benchmarks;

/// <summary>The cost of one inbound message before its handler runs: parse, validate, deserialize.</summary>
[MemoryDiagnoser]
public class FrameBenchmarks
{
    private readonly OcppAction _transactionEvent = OcppActions.Find("TransactionEvent")!;
    private JsonElement _payload;

    [GlobalSetup]
    public void Setup() => _payload = ((CallFrame)FrameParser.Parse(SampleFrames.TransactionEventFrame).Frame!).Payload;

    [Benchmark]
    public OcppFrame? ParseHeartbeatFrame() => FrameParser.Parse(SampleFrames.HeartbeatFrame).Frame;

    [Benchmark]
    public OcppFrame? ParseTransactionEventFrame() => FrameParser.Parse(SampleFrames.TransactionEventFrame).Frame;

    [Benchmark]
    public int ValidateTransactionEvent() => OcppPayloadValidator.Shared.Validate(_transactionEvent.Request, _payload).Count;

    [Benchmark]
    public object? DeserializeTransactionEvent() => _payload.Deserialize(_transactionEvent.Request);

    [Benchmark]
    public byte[] WriteCallResult() => FrameWriter.Write(new CallResultFrame("19223201", _payload));
}
