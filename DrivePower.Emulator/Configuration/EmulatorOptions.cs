namespace DrivePower.Emulator.Configuration;

/// <summary>What the stations run on: <see cref="EmulatorSettings"/> parsed and checked.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The CSMS's OCPP endpoint; each station connects to <c>{CsmsUrl}/{stationId}</c>.</summary>
    public required Uri CsmsUrl { get; init; }
    public string? CsmsPassword { get; init; }

    /// <summary>TLS towards the CSMS (profiles 2, 3): the CA to trust and the client certificate; null, the defaults.</summary>
    public CsmsTls? CsmsTls { get; init; }
    public string StationId { get; init; } = "CP001";
    public int StationCount { get; init; } = 1;
    public int EvseCount { get; init; } = 1;
    public int ConnectorsPerEvse { get; init; } = 1;
    public string VendorName { get; init; } = "DrivePower";
    public string Model { get; init; } = "DP-Emulator";
    public string? SerialNumber { get; init; }
    public string FirmwareVersion { get; init; } = "1.0.0";
    public ScenarioKind Scenario { get; init; } = ScenarioKind.Idle;
    public TimeSpan ScenarioCharge { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan ScenarioPause { get; init; } = TimeSpan.FromSeconds(30);
    public double ScenarioRandomness { get; init; } = 0.2;
    public TimeSpan MeterInterval { get; init; } = TimeSpan.FromSeconds(10);
    public int ChargingPowerW { get; init; } = 11000;
    public string IdToken { get; init; } = "DEMO-TOKEN-0001";
    public bool Quiet { get; init; }
    public double ConnectRate { get; init; } = 50;
    public TimeSpan ReconnectMin { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectMax { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan SummaryInterval { get; init; } = TimeSpan.FromSeconds(10);

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
