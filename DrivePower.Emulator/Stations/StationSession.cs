using DrivePower.Emulator.Output;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// What a station does while connected: BootNotification until Accepted (retrying after the CSMS's
/// interval), then a StatusNotification per connector, the outbox, and Heartbeat at the interval.
/// </summary>
internal sealed class StationSession(Station station, OcppRpcConnection connection)
{
    private static readonly TimeSpan DefaultRetry = TimeSpan.FromSeconds(30);

    private CancellationTokenSource _bootNow = new();

    /// <summary>Boots, then keeps the station's messages flowing until the token (the connection) ends.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await BootAsync(cancellationToken).ConfigureAwait(false))
                return;
            station.ReportAllStatuses();
            await Task.WhenAll(
                station.Outbox.DrainAsync(connection, cancellationToken),
                HeartbeatAsync(cancellationToken),
                station.SendOfflineEventsAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or OcppConnectionClosedException)
        {
            // The connection ended; the runner reconnects.
        }
    }

    /// <summary>TriggerMessage(BootNotification) while not accepted: send it now, not after the retry interval.</summary>
    public void BootNow() => _bootNow.Cancel();

    private async Task<bool> BootAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var reason = station.NextBootReason;
            var response = await station.SendNowAsync(BootRequest(reason), cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                // Refused or unanswered: start over on a fresh connection, after back-off.
                await connection.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "BootNotification failed").ConfigureAwait(false);
                return false;
            }

            station.Registration = response.Status;
            StationLog.Booted(station.Logger, station.Id, response.Status, response.Interval, reason);
            if (response.Status == RegistrationStatus.Accepted)
            {
                station.NextBootReason = BootReason.Unknown;
                if (response.Interval > 0)
                    station.DeviceModel.HeartbeatInterval = TimeSpan.FromSeconds(response.Interval);
                station.Services.Metrics.Accepted(1);
                station.Firmware.BootAccepted();
                return true;
            }

            var retry = response.Interval > 0 ? TimeSpan.FromSeconds(response.Interval) : DefaultRetry;
            StationLog.BootRetry(station.Logger, station.Id, (int)retry.TotalSeconds);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _bootNow.Token);
            try
            {
                await Task.Delay(retry, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _bootNow = new CancellationTokenSource();
                station.NextBootReason = BootReason.Triggered;
            }
        }

        return false;
    }

    private BootNotificationRequest BootRequest(BootReason reason) => new()
    {
        Reason = reason,
        ChargingStation = new ChargingStation
        {
            Model = station.Options.Model,
            VendorName = station.Options.VendorName,
            SerialNumber = station.Options.SerialNumber,
            FirmwareVersion = station.FirmwareVersion,
        },
    };

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, station.DeviceModel.HeartbeatChanged);
            try
            {
                await LongDelay.WaitAsync(station.DeviceModel.HeartbeatInterval, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                continue; // the interval changed: wait the new one
            }

            await SendHeartbeatAsync(station, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task SendHeartbeatAsync(Station station, CancellationToken cancellationToken)
    {
        if (await station.SendNowAsync(new HeartbeatRequest(), cancellationToken).ConfigureAwait(false) is { } answer)
            StationLog.Heartbeat(station.Logger, station.Id, answer.CurrentTime);
    }
}
