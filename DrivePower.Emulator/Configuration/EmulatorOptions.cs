namespace DrivePower.Emulator.Configuration;

/// <summary>
/// What the stations run on: <see cref="EmulatorSettings"/> parsed and checked. No defaults here: the
/// parser sets every value, defaults from <see cref="EmulatorDefaults"/>.
/// </summary>
public sealed record EmulatorOptions
{
    /// <summary>The CSMS's OCPP endpoint; each station connects to <c>{CsmsUrl}/{stationId}</c>.</summary>
    public required Uri CsmsUrl { get; init; }
    public string? CsmsPassword { get; init; }

    /// <summary>TLS towards the CSMS (profiles 2, 3): the CA to trust and the client certificate; null, the defaults.</summary>
    public CsmsTls? CsmsTls { get; init; }
    public required string StationId { get; init; }
    public required int StationCount { get; init; }
    public required int EvseCount { get; init; }
    public required int ConnectorsPerEvse { get; init; }
    public required string VendorName { get; init; }
    public required string Model { get; init; }
    public string? SerialNumber { get; init; }
    public required string FirmwareVersion { get; init; }
    public required ScenarioKind Scenario { get; init; }
    public required TimeSpan ScenarioCharge { get; init; }
    public required TimeSpan ScenarioPause { get; init; }
    public required double ScenarioRandomness { get; init; }
    public required TimeSpan MeterInterval { get; init; }
    public required int ChargingPowerW { get; init; }
    public required string IdToken { get; init; }
    public required bool Quiet { get; init; }
    public required double ConnectRate { get; init; }
    public required TimeSpan ReconnectMin { get; init; }
    public required TimeSpan ReconnectMax { get; init; }
    public required TimeSpan CallTimeout { get; init; }
    public required TimeSpan SummaryInterval { get; init; }

    /// <summary>The control API (driver and hardware actions over HTTP): its port, 0 for any free one, and its listen address.</summary>
    public required int ControlPort { get; init; }
    public required string ControlHost { get; init; }

    /// <summary>How long each step of a firmware update takes (UpdateFirmware).</summary>
    public required TimeSpan FirmwareStep { get; init; }

    /// <summary>The station ids: <see cref="StationId"/> alone, or <c>{StationId}-0001</c>… for several.</summary>
    public IEnumerable<string> StationIds() => StationCount == 1
        ? [StationId]
        : Enumerable.Range(1, StationCount).Select(StationNumberedId);

    public string StationNumberedId(int number) => $"{StationId}-{number:D4}";
}

public enum ScenarioKind
{
    /// <summary>Boot, heartbeat, status; answer the CSMS.</summary>
    Idle,

    /// <summary>Also plug in, authorize, charge, stop and unplug, over and over.</summary>
    Charging,
}
