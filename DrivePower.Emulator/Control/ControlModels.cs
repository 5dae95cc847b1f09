namespace DrivePower.Emulator.Control;

/// <summary>A station as the control API shows it.</summary>
public sealed record StationView(string Id, bool Connected, bool Accepted, bool Offline, IReadOnlyList<EvseView> Evses);

public sealed record EvseView(int Id, IReadOnlyList<ConnectorView> Connectors, string? TransactionId, string? ChargingState,
    string? IdToken, decimal PowerW, int EvMaxPowerW, decimal? LimitW, decimal? TotalCost = null);

public sealed record ConnectorView(int Id, string Status, bool Plugged, bool Faulted);

/// <summary>What an action did.</summary>
public sealed record ActionResult(string Outcome, bool Accepted = true);

/// <summary>A token presented at the reader; type ISO14443 unless given.</summary>
public sealed record IdTokenBody(string? IdToken, string? Type);

public sealed record PlugBody(int? ConnectorId);

public sealed record EvBody(int? MaxPowerW);
