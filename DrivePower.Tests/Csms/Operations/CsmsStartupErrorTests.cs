using DrivePower.Csms.Configuration;
using DrivePower.Tests.Migrations;

namespace DrivePower.Tests.Csms.Operations;

/// <summary>The real CSMS process started with bad settings.</summary>
public sealed class CsmsStartupErrorTests
{
    [Fact]
    public async Task Every_bad_setting_is_one_line_at_once_without_a_stack_trace_and_exit_code_2()
    {
        var result = await WorkerProcess.RunProjectAsync(WorkerProcess.Csms, new Dictionary<string, string>
        {
            ["Csms__HeartbeatIntervalSeconds"] = "0",
            ["Csms__CallTimeoutSeconds"] = "soon",
            ["Csms__UnknownIdTokenPolicy"] = "Maybe",
        }, input: null);

        Assert.Equal(CsmsSettingsCheck.BadSettingsExitCode, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("The CSMS's configuration is invalid:", lines[0]);
        Assert.Collection(
            lines[1..],
            line => Assert.StartsWith("No database configured: set ConnectionStrings:csmsdb", line, StringComparison.Ordinal),
            line => Assert.Equal("Csms:CallTimeoutSeconds: expected a whole number, got 'soon'.", line),
            line => Assert.Equal("Csms:UnknownIdTokenPolicy: expected one of Accept, Reject, got 'Maybe'.", line),
            line => Assert.Equal("Csms:HeartbeatIntervalSeconds: The field HeartbeatIntervalSeconds must be between 1 and 86400.", line));
        Assert.DoesNotContain(" at ", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_database_url_is_named_and_exits_2()
    {
        var result = await WorkerProcess.RunProjectAsync(
            WorkerProcess.Csms, new Dictionary<string, string> { ["DATABASE_URL"] = "mysql://csms@db/csms" }, input: null);

        Assert.Equal(CsmsSettingsCheck.BadSettingsExitCode, result.ExitCode);
        Assert.Contains("DATABASE_URL has the scheme 'mysql'", result.Error, StringComparison.Ordinal);
    }
}
