using System.Net.WebSockets;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Tests.Csms;

/// <summary>A station in a test: a real ClientWebSocket with the OCPP library's RPC on it.</summary>
public sealed class TestStation : IAsyncDisposable
{
    private readonly Task _run;

    public TestStation(ClientWebSocket socket, string stationId, OcppHandlerRegistry? handlers = null, OcppRpcOptions? options = null)
    {
        Socket = socket;
        StationId = stationId;
        Connection = new OcppRpcConnection(socket, stationId, handlers ?? new OcppHandlerRegistry(), options ?? new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(15) });
        _run = Connection.RunAsync();
    }

    public string StationId { get; }

    public ClientWebSocket Socket { get; }

    public OcppRpcConnection Connection { get; }

    /// <summary>Completes when the CSMS closes the connection.</summary>
    public Task Closed => _run;

    public Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request) where TResponse : IOcppResponse =>
        Connection.CallAsync(request);

    public Task<BootNotificationResponse> BootAsync(string model = "DP-Test", string vendor = "DrivePower") =>
        CallAsync(new BootNotificationRequest
        {
            Reason = BootReason.PowerUp,
            ChargingStation = new ChargingStation
            {
                Model = model,
                VendorName = vendor,
                SerialNumber = "SN-" + StationId,
                FirmwareVersion = "1.2.3",
                Modem = new Modem { Iccid = "8931000000000000001", Imsi = "204040000000001" },
            },
        });

    public Task<StatusNotificationResponse> ReportStatusAsync(int evseId, int connectorId, ConnectorStatus status, DateTimeOffset? at = null) =>
        CallAsync(new StatusNotificationRequest
        {
            EvseId = evseId,
            ConnectorId = connectorId,
            ConnectorStatus = status,
            Timestamp = at ?? DateTimeOffset.UtcNow,
        });

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
