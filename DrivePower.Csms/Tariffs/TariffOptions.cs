using System.ComponentModel.DataAnnotations;

namespace DrivePower.Csms.Tariffs;

/// <summary>The tariff block's settings, section <c>Csms:Tariff</c>.</summary>
public sealed class TariffOptions
{
    public const string SectionName = "Csms:Tariff";

    /// <summary>How often running transactions are sent their cost in a CostUpdated; 0 sends none.</summary>
    [Range(0, 86_400)]
    public int CostUpdatedIntervalSeconds { get; set; } = 60;
}
