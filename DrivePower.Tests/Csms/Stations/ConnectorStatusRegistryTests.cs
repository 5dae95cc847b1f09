using DrivePower.Csms.Stations;

namespace DrivePower.Tests.Csms.Stations;

/// <summary>The in-memory latest status per connector: the newest report by the station's clock wins, whatever the order of arrival.</summary>
public sealed class ConnectorStatusRegistryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_late_older_report_is_ignored_and_a_newer_one_replaces_the_state_of_its_connector_only()
    {
        var registry = new ConnectorStatusRegistry();

        registry.Update("CP-REG", 1, 1, "Occupied", T0.AddMinutes(5));
        registry.Update("CP-REG", 1, 1, "Available", T0);
        registry.Update("CP-REG", 1, 2, "Faulted", T0);
        registry.Update("CP-REG", 1, 2, "Available", T0.AddMinutes(1));
        registry.Update("CP-OTHER", 1, 1, "Unavailable", T0);

        Assert.Equal(
            [new ConnectorState(1, 1, "Occupied", T0.AddMinutes(5)), new ConnectorState(1, 2, "Available", T0.AddMinutes(1))],
            registry.ForStation("CP-REG"));
    }
}
