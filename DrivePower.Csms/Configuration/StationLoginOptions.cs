using System.ComponentModel.DataAnnotations;

namespace DrivePower.Csms.Configuration;

/// <summary>
/// Throttling of failed station logins (security profile 1), section <c>Csms:StationLogin</c>. After
/// the free failures, each further attempt waits: the lockout starts at <see cref="LockoutSeconds"/>
/// and doubles with every failure, up to <see cref="MaxLockoutSeconds"/>; an attempt during it gets 429.
/// </summary>
public sealed class StationLoginOptions
{
    public const string SectionName = "Csms:StationLogin";

    /// <summary>Failed logins with one station id before it is locked out.</summary>
    [Range(1, 1_000)]
    public int FreeFailuresPerStation { get; set; } = 5;

    /// <summary>Failed logins from one client address (any station id) before it is locked out; higher, as stations may share a NAT or proxy.</summary>
    [Range(1, 100_000)]
    public int FreeFailuresPerAddress { get; set; } = 20;

    /// <summary>The first lockout; each further failure doubles it.</summary>
    [Range(1, 3_600)]
    public int LockoutSeconds { get; set; } = 1;

    /// <summary>The longest lockout.</summary>
    [Range(1, 86_400)]
    public int MaxLockoutSeconds { get; set; } = 300;

    /// <summary>Failures are forgotten this long after the last one (and a success forgets the station's at once).</summary>
    [Range(1, 86_400)]
    public int ForgetAfterSeconds { get; set; } = 900;
}
