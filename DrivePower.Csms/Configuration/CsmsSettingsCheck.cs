using DrivePower.Database;
using DrivePower.Csms.Authentication;
using DrivePower.Csms.Data;
using DrivePower.Csms.Data.Batching;
using DrivePower.Csms.Journal;
using DrivePower.Csms.StationFiles;
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
        SettingsSection.Check<StationLoginOptions>(configuration, StationLoginOptions.SectionName, problems);
        SettingsSection.Check<WriteBatchingOptions>(configuration, WriteBatchingOptions.SectionName, problems);
        SettingsSection.Check<DatabasePoolOptions>(configuration, DatabasePoolOptions.SectionName, problems);
        SettingsSection.Check<JournalOptions>(configuration, JournalOptions.SectionName, problems);
        SettingsSection.Check<Tariffs.TariffOptions>(configuration, Tariffs.TariffOptions.SectionName, problems);
        SettingsSection.Check<LogUploadOptions>(configuration, LogUploadOptions.SectionName, problems);
        SettingsSection.Check<FirmwareOptions>(configuration, FirmwareOptions.SectionName, problems);
        var operatorApi = SettingsSection.Check<OperatorApiOptions>(configuration, OperatorApiOptions.SectionName, problems);
        CheckOperatorKey(configuration, operatorApi, problems);
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

    /// <summary>A CSMS reachable from other machines needs an operator key, unless that is turned off explicitly.</summary>
    private static void CheckOperatorKey(IConfiguration configuration, OperatorApiOptions options, List<string> problems)
    {
        var addresses = ListenAddresses.Configured(configuration);
        if (options.RequireKey is null && options.Keys.Count == 0 && ListenAddresses.BeyondLoopback(addresses))
        {
            problems.Add($"{OperatorApiOptions.SectionName}:Keys: the CSMS listens beyond loopback ({string.Join(", ", addresses)}), so the operator API "
                + $"needs a key: set {OperatorApiOptions.SectionName}:Keys:0 (Csms__OperatorApi__Keys__0), or {OperatorApiOptions.SectionName}:RequireKey=false to leave it open.");
        }
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
