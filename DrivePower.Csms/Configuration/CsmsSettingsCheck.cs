using Npgsql;

namespace DrivePower.Csms.Configuration;

/// <summary>
/// Checks the CSMS's settings before the host is built: every problem at once, one line each, no
/// stack trace, exit code 2 (as the emulator does). The options are validated again on start.
/// </summary>
public static class CsmsSettingsCheck
{
    public const int BadSettingsExitCode = 2;

    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        CheckDatabase(configuration, problems);
        SettingsSection.Check<CsmsOptions>(configuration, CsmsOptions.SectionName, problems);
        return problems;
    }

    /// <summary>Writes the problems to <paramref name="error"/>; true when there are none and the CSMS may start.</summary>
    public static bool Passes(IConfiguration configuration, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problems = Problems(configuration);
        if (problems.Count == 0)
            return true;

        error.WriteLine("The CSMS's configuration is invalid:");
        foreach (var problem in problems)
            error.WriteLine($"  {problem}");
        return false;
    }

    private static void CheckDatabase(IConfiguration configuration, List<string> problems)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(CsmsDatabase.ResolveConnectionString(configuration));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            problems.Add(e.Message);
        }
    }
}
