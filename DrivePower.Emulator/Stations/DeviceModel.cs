using System.Globalization;
using DrivePower.Ocpp.Messages;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// The station's small device model for GetVariables/SetVariables. Only the Actual attribute exists.
/// Components: OCPPCommCtrlr (HeartbeatInterval, MessageAttempts, MessageAttemptInterval; RW),
/// SampledDataCtrlr (TxUpdatedInterval, RW), AuthCtrlr (LocalAuthorizeOffline, OfflineTxForUnknownIdEnabled; RW),
/// ChargingStation (AvailabilityState, Model, VendorName, SerialNumber, FirmwareVersion; read-only),
/// EVSE (AvailabilityState per EVSE) and Connector (AvailabilityState per EVSE and connector).
/// </summary>
internal sealed partial class DeviceModel(Station station)
{
    private readonly Lock _sync = new();
    private TimeSpan _heartbeatInterval = TimeSpan.FromSeconds(60);
    private TimeSpan _txUpdatedInterval = station.Options.MeterInterval;
    private CancellationTokenSource _heartbeatChanged = new();

    public TimeSpan HeartbeatInterval
    {
        get
        {
            lock (_sync)
                return _heartbeatInterval;
        }
        set
        {
            CancellationTokenSource changed;
            lock (_sync)
            {
                if (_heartbeatInterval == value)
                    return;
                _heartbeatInterval = value;
                changed = _heartbeatChanged;
                _heartbeatChanged = new CancellationTokenSource();
            }

            changed.Cancel();
            changed.Dispose();
        }
    }

    /// <summary>Cancelled when <see cref="HeartbeatInterval"/> changes: the heartbeat loop restarts its wait.</summary>
    public CancellationToken HeartbeatChanged
    {
        get
        {
            lock (_sync)
                return _heartbeatChanged.Token;
        }
    }

    public TimeSpan TxUpdatedInterval
    {
        get
        {
            lock (_sync)
                return _txUpdatedInterval;
        }
        private set
        {
            lock (_sync)
                _txUpdatedInterval = value;
        }
    }

    private static string Seconds(TimeSpan interval) =>
        Math.Max(1, (int)Math.Round(interval.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static bool TryParseSeconds(string value, int min, out TimeSpan interval)
    {
        var ok = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= min;
        interval = TimeSpan.FromSeconds(ok ? seconds : 0);
        return ok;
    }

    private string Availability(ConnectorState connector) => station.StatusOf(connector).ToString();

    private string Availability(EvseState evse)
    {
        var statuses = evse.Connectors.Select(station.StatusOf).ToList();
        return statuses.Contains(ConnectorStatus.Occupied) ? nameof(ConnectorStatus.Occupied)
            : statuses.All(status => status == ConnectorStatus.Unavailable) ? nameof(ConnectorStatus.Unavailable)
            : nameof(ConnectorStatus.Available);
    }

    private string StationAvailability() =>
        station.Operative ? nameof(ConnectorStatus.Available) : nameof(ConnectorStatus.Unavailable);
}
