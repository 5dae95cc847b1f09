using System.Net.WebSockets;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Tests.Csms.Operator;

/// <summary>A station in a test: a real ClientWebSocket with the OCPP library's RPC on it; counts what the CSMS sends.</summary>
public sealed class OperatorStation : IAsyncDisposable
{
    private readonly Task _run;
    private int _received;

    public OperatorStation(ClientWebSocket socket, string stationId, OcppHandlerRegistry? handlers = null)
    {
        StationId = stationId;
        Connection = new OcppRpcConnection(socket, stationId, handlers ?? new OcppHandlerRegistry(),
            new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(15) })
        {
            MessageReceived = _ => Interlocked.Increment(ref _received),
        };
        _run = Connection.RunAsync();
    }

    public string StationId { get; }

    public OcppRpcConnection Connection { get; }

    /// <summary>Every message the CSMS sent this station (CALLs and answers to its own CALLs).</summary>
    public int Received => Volatile.Read(ref _received);

    public Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request) where TResponse : IOcppResponse =>
        Connection.CallAsync(request);

    public Task<BootNotificationResponse> BootAsync() =>
        CallAsync(new BootNotificationRequest
        {
            Reason = BootReason.PowerUp,
            ChargingStation = new ChargingStation { Model = "DP-Op", VendorName = "DrivePower", SerialNumber = "SN-" + StationId, FirmwareVersion = "1.0.0" },
        });

    public Task<StatusNotificationResponse> ReportStatusAsync(int evseId, int connectorId, ConnectorStatus status) =>
        CallAsync(new StatusNotificationRequest { EvseId = evseId, ConnectorId = connectorId, ConnectorStatus = status, Timestamp = DateTimeOffset.UtcNow });

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
