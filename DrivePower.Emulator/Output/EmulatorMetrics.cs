using System.Diagnostics.Metrics;

namespace DrivePower.Emulator.Output;

/// <summary>
/// What all stations of this process are doing: counters for the QUIET summary, mirrored as the
/// <c>emulator.*</c> instruments of the <see cref="MeterName"/> meter.
/// </summary>
internal sealed class EmulatorMetrics
{
    public const string MeterName = "DrivePower.Emulator";

    private readonly UpDownCounter<long> _connected;
    private readonly UpDownCounter<long> _accepted;
    private readonly UpDownCounter<long> _activeTransactions;
    private readonly Counter<long> _transactions;
    private readonly Counter<long> _messages;
    private readonly Counter<long> _commands;
    private long _connectedCount;
    private long _acceptedCount;
    private long _activeCount;
    private long _startedCount;
    private long _endedCount;
    private long _sentCount;
    private long _failedCount;
    private long _receivedCount;

    public EmulatorMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _connected = meter.CreateUpDownCounter<long>("emulator.stations.connected", "{station}", "Stations with an open connection.");
        _accepted = meter.CreateUpDownCounter<long>("emulator.stations.accepted", "{station}", "Stations the CSMS accepted (booted).");
        _activeTransactions = meter.CreateUpDownCounter<long>("emulator.transactions.active", "{transaction}", "Transactions running.");
        _transactions = meter.CreateCounter<long>("emulator.transactions", "{transaction}", "Transactions started.");
        _messages = meter.CreateCounter<long>("emulator.messages.sent", "{message}", "CALLs sent, by outcome.");
        _commands = meter.CreateCounter<long>("emulator.commands.received", "{command}", "CALLs received from the CSMS.");
    }

    public void Connected(int delta) => Add(_connected, ref _connectedCount, delta);

    public void Accepted(int delta) => Add(_accepted, ref _acceptedCount, delta);

    public void TransactionStarted()
    {
        Add(_activeTransactions, ref _activeCount, 1);
        Interlocked.Increment(ref _startedCount);
        _transactions.Add(1);
    }

    public void TransactionEnded()
    {
        Add(_activeTransactions, ref _activeCount, -1);
        Interlocked.Increment(ref _endedCount);
    }

    public void MessageSent(bool ok)
    {
        Interlocked.Increment(ref ok ? ref _sentCount : ref _failedCount);
        _messages.Add(1, new KeyValuePair<string, object?>("emulator.outcome", ok ? "ok" : "failed"));
    }

    public void CommandReceived(string action)
    {
        Interlocked.Increment(ref _receivedCount);
        _commands.Add(1, new KeyValuePair<string, object?>("ocpp.action", action));
    }

    public Snapshot Read() => new(
        Interlocked.Read(ref _connectedCount), Interlocked.Read(ref _acceptedCount), Interlocked.Read(ref _activeCount),
        Interlocked.Read(ref _startedCount), Interlocked.Read(ref _endedCount), Interlocked.Read(ref _sentCount),
        Interlocked.Read(ref _failedCount), Interlocked.Read(ref _receivedCount));

    public sealed record Snapshot(long Connected, long Accepted, long ActiveTransactions, long Started, long Ended, long Sent, long Failed, long Received);

    private static void Add(UpDownCounter<long> instrument, ref long count, int delta)
    {
        Interlocked.Add(ref count, delta);
        instrument.Add(delta);
    }
}
