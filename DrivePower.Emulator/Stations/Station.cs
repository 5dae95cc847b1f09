using DrivePower.Emulator.Configuration;
using DrivePower.Emulator.Diagnostics;
using DrivePower.Emulator.Firmware;
using DrivePower.Emulator.Output;
using DrivePower.Emulator.SmartCharging;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;

namespace DrivePower.Emulator.Stations;

/// <summary>
/// One emulated charging station: its EVSEs and connectors, device model, outbox and current connection.
/// State changes happen under <see cref="Sync"/>; messages to the CSMS go through <see cref="Outbox"/>
/// (ordered, sent once accepted) or <see cref="SendNowAsync"/> (what a TriggerMessage asks for).
/// </summary>
internal sealed partial class Station
{
    public Station(string id, StationServices services)
    {
        Id = id;
        Services = services;
        var options = services.Options;
        Evses = [.. Enumerable.Range(1, options.EvseCount).Select(evse =>
            new EvseState(evse, options.ConnectorsPerEvse, new MeterSimulator(options.ChargingPowerW, Random.Shared.Next(1_000, 100_000))))];
        Monitors = new Monitoring.MonitorBook(BuiltInMonitors(options.EvseCount, options.ChargingPowerW));
        DeviceModel = new DeviceModel(this);
        Outbox = new StationOutbox(id, DeviceModel, services.Logger, services.Metrics);
        LogUploads = new LogUploads(id, services.Frames.For(id), services.UploadClient, TimeProvider.System);
        FirmwareVersion = options.FirmwareVersion;
        Firmware = new FirmwareUpdates(this, services.UploadClient, TimeProvider.System);
    }

    public string Id { get; }

    public StationServices Services { get; }

    public EmulatorOptions Options => Services.Options;

    public ILogger Logger => Services.Logger;

    public Lock Sync { get; } = new();

    /// <summary>ChargingStation availability (ChangeAvailability without an EVSE).</summary>
    public bool Operative { get; set; } = true;

    public IReadOnlyList<EvseState> Evses { get; }

    public DeviceModel DeviceModel { get; }

    public StationOutbox Outbox { get; }

    /// <summary>The charging profiles the CSMS installed (K).</summary>
    public ChargingProfileSet ChargingProfiles { get; } = new();

    /// <summary>The messages on the station's display (SetDisplayMessage).</summary>
    public DisplayMessageBoard DisplayMessages { get; } = new();

    /// <summary>The local authorization list the CSMS sent (SendLocalList).</summary>
    public LocalAuthList LocalAuthList { get; } = new();

    /// <summary>The CSMS's last verdicts on idTokens, for authorizing while it cannot answer.</summary>
    public AuthorizationCache AuthorizationCache { get; } = new();

    /// <summary>The log upload a GetLog started (N01), if any.</summary>
    public LogUploads LogUploads { get; }

    /// <summary>The firmware update an UpdateFirmware started (L01), if any.</summary>
    public FirmwareUpdates Firmware { get; }

    /// <summary>The installed firmware: FIRMWARE_VERSION until an update installs another; what BootNotification reports.</summary>
    public string FirmwareVersion { get; set; }

    /// <summary>The open connection, if any.</summary>
    public OcppRpcConnection? Connection { get; private set; }

    /// <summary>The boot/heartbeat loop of the open connection, if any.</summary>
    public StationSession? Session { get; set; }

    /// <summary>The CSMS's last answer to BootNotification on this connection.</summary>
    public RegistrationStatus? Registration { get; set; }

    public bool IsAccepted => Registration == RegistrationStatus.Accepted && Connection is { IsOpen: true };

    /// <summary>What the next BootNotification says: PowerUp first, RemoteReset after a Reset.</summary>
    public BootReason NextBootReason { get; set; } = BootReason.PowerUp;

    public IEnumerable<ConnectorState> Connectors => Evses.SelectMany(evse => evse.Connectors);

    public IEnumerable<TransactionSession> Transactions
    {
        get
        {
            lock (Sync)
                return [.. Evses.Select(evse => evse.Transaction).OfType<TransactionSession>()];
        }
    }

    public EvseState? FindEvse(int evseId) => evseId >= 1 && evseId <= Evses.Count ? Evses[evseId - 1] : null;

    public ConnectorState? FindConnector(int evseId, int connectorId) => FindEvse(evseId)?.FindConnector(connectorId);

    public TransactionSession? FindTransaction(string transactionId) =>
        Transactions.FirstOrDefault(transaction => transaction.Id == transactionId);

    public void Attach(OcppRpcConnection connection)
    {
        connection.State = this;
        Connection = connection;
        Registration = null;
    }

    public void Detach()
    {
        Connection = null;
        Registration = null;
        lock (Sync)
        {
            foreach (var connector in Connectors)
                connector.Reported = null;
        }

        Outbox.DropStatuses();
    }

    /// <summary>Logs a command from the CSMS and counts it.</summary>
    public void CommandReceived(string action, string detail)
    {
        Services.Metrics.CommandReceived(action);
        StationLog.CommandReceived(Logger, Id, action, detail);
    }
}
