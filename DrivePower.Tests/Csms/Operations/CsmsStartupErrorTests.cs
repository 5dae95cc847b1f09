using DrivePower.Csms.Configuration;
using DrivePower.Tests.Infrastructure;
using DrivePower.Tests.Migrations;

namespace DrivePower.Tests.Csms.Operations;

/// <summary>The real CSMS process started with bad settings.</summary>
public sealed class CsmsStartupErrorTests
{
    [Fact]
    public async Task A_log_upload_limit_out_of_range_stops_the_CSMS_naming_the_setting()
    {
        var result = await WorkerProcess.RunProjectAsync(WorkerProcess.Csms, new Dictionary<string, string>
        {
            ["Csms__Logs__MaxUploadMegabytes"] = "0",
        }, input: null);

        Assert.Equal(CsmsSettingsCheck.BadSettingsExitCode, result.ExitCode);
        Assert.Contains("Csms:Logs:MaxUploadMegabytes: The field MaxUploadMegabytes must be between 1 and 1024.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_firmware_upload_limit_out_of_range_stops_the_CSMS_naming_the_setting()
    {
        var result = await WorkerProcess.RunProjectAsync(WorkerProcess.Csms, new Dictionary<string, string>
        {
            ["Csms__Firmware__MaxUploadMegabytes"] = "2000",
        }, input: null);

        Assert.Equal(CsmsSettingsCheck.BadSettingsExitCode, result.ExitCode);
        Assert.Contains("Csms:Firmware:MaxUploadMegabytes: The field MaxUploadMegabytes must be between 1 and 1024.", result.Error, StringComparison.Ordinal);
    }

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

    [Theory]
    [InlineData("ASPNETCORE_HTTP_PORTS", "{0}")] // as the container image sets it
    [InlineData("ASPNETCORE_URLS", "http://0.0.0.0:{0}")]
    public async Task Listening_beyond_loopback_without_an_operator_key_exits_2_saying_how_to_set_one(string variable, string value)
    {
        var result = await WorkerProcess.RunProjectAsync(WorkerProcess.Csms, new Dictionary<string, string>
        {
            ["ConnectionStrings__csmsdb"] = "Host=127.0.0.1;Database=unused",
            [variable] = string.Format(System.Globalization.CultureInfo.InvariantCulture, value, LoopbackPort.Free()),
        }, input: null);

        Assert.Equal(CsmsSettingsCheck.BadSettingsExitCode, result.ExitCode);
        Assert.Contains("Csms:OperatorApi:Keys: the CSMS listens beyond loopback", result.Error, StringComparison.Ordinal);
        Assert.Contains("Csms__OperatorApi__Keys__0", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_keys_that_are_too_short_are_named()
    {
        var result = await WorkerProcess.RunProjectAsync(WorkerProcess.Csms, new Dictionary<string, string>
        {
            ["ConnectionStrings__csmsdb"] = "Host=127.0.0.1;Database=unused",
            ["Csms__OperatorApi__Keys__0"] = "short",
            ["Csms__OperatorApi__RequireKey"] = "yes",
        }, input: null);

        Assert.Equal(CsmsSettingsCheck.BadSettingsExitCode, result.ExitCode);
        Assert.Contains("Csms:OperatorApi:RequireKey: expected true or false, got 'yes'.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Csms:OperatorApi:Keys: every key must be at least 16 characters long", result.Error, StringComparison.Ordinal);
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
