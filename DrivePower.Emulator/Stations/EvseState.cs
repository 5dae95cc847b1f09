namespace DrivePower.Emulator.Stations;

/// <summary>One EVSE: its connectors, its meter, and the transaction running on it (at most one).</summary>
internal sealed class EvseState
{
    public EvseState(int id, int connectorCount, MeterSimulator meter)
    {
        Id = id;
        Meter = meter;
        Connectors = [.. Enumerable.Range(1, connectorCount).Select(connector => new ConnectorState(this, connector))];
    }

    public int Id { get; }

    public bool Operative { get; set; } = true;

    public IReadOnlyList<ConnectorState> Connectors { get; }

    public MeterSimulator Meter { get; }

    public TransactionSession? Transaction { get; set; }

    public ConnectorState? FindConnector(int connectorId) =>
        connectorId >= 1 && connectorId <= Connectors.Count ? Connectors[connectorId - 1] : null;
}
