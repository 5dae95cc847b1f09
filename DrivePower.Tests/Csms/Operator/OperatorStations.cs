using DrivePower.Ocpp.Rpc;

namespace DrivePower.Tests.Csms.Operator;

/// <summary>Booted test stations for the operator tests, optionally answering the CSMS's CALLs.</summary>
public static class OperatorStations
{
    /// <summary>Connects and boots a station whose <paramref name="handlers"/> answer what the CSMS sends.</summary>
    public static async Task<TestStation> ConnectBootedAsync(this CsmsTestHost csms, string stationId, OcppHandlerRegistry? handlers = null)
    {
        var station = new TestStation(await csms.OpenSocketAsync(stationId), stationId, handlers);
        await station.BootAsync();
        return station;
    }

    /// <summary>Counts every message the CSMS sends the station from now on.</summary>
    public static MessageCounter CountMessages(this TestStation station)
    {
        var counter = new MessageCounter();
        station.Connection.MessageReceived = _ => counter.Increment();
        return counter;
    }

    public sealed class MessageCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        internal void Increment() => Interlocked.Increment(ref _count);
    }
}
