using DrivePower.Csms.Configuration;
using DrivePower.Tests.Migrations;
using Microsoft.Extensions.Configuration;

namespace DrivePower.Tests.Csms.Operations;

public sealed class StationPasswordHashTests
{
    private const string Password = "correct-horse-battery";

    [Fact]
    public void A_hash_matches_its_password_only()
    {
        var hash = StationPasswordHash.Create(Password);

        Assert.StartsWith("pbkdf2-sha256$100000$", hash, StringComparison.Ordinal);
        Assert.True(StationPasswordHash.Matches(hash, Password));
        Assert.False(StationPasswordHash.Matches(hash, Password + "!"));
        Assert.False(StationPasswordHash.Matches(hash, hash));
    }

    [Fact]
    public void Each_hash_has_its_own_salt() =>
        Assert.NotEqual(StationPasswordHash.Create(Password), StationPasswordHash.Create(Password));

    [Fact]
    public void Plain_text_is_compared_as_it_is()
    {
        Assert.True(StationPasswordHash.Matches(Password, Password));
        Assert.False(StationPasswordHash.Matches(Password, Password.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("pbkdf2-sha256$lots$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==")]
    [InlineData("pbkdf2-sha256$100000$not base64$aGFzaA==")]
    [InlineData("pbkdf2-sha256$100000$c2FsdHNhbHRzYWx0c2FsdA==")]
    [InlineData("pbkdf2-sha256$100$c2FsdHNhbHRzYWx0c2FsdA==$YYvPg2B9dqsd/sEFxGdjOVyxAeaVzYrezHEPsJQY2U4=")]
    public void A_malformed_hash_matches_nothing_and_is_a_setting_problem(string configured)
    {
        Assert.False(StationPasswordHash.Matches(configured, Password));
        Assert.Contains("not a valid hash", StationPasswordHash.Problem(configured), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_station_passwords_are_named_by_the_start_up_check_without_quoting_them()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:csmsdb"] = "Host=127.0.0.1;Database=unused",
            ["Csms:StationPasswords:CP001"] = "pbkdf2-sha256$1$secret-looking$x",
            ["Csms:StationPasswords:CP002"] = "too-short",
            ["Csms:StationPasswords:CP003"] = StationPasswordHash.Create(Password),
            ["Csms:StationLogin:LockoutSeconds"] = "0",
        }).Build();

        var problems = CsmsSettingsCheck.Problems(configuration);

        Assert.Collection(
            problems,
            problem => Assert.StartsWith("Csms:StationPasswords:CP001: not a valid hash", problem, StringComparison.Ordinal),
            problem => Assert.StartsWith("Csms:StationPasswords:CP002: a plain-text password must be 16 to 40", problem, StringComparison.Ordinal),
            problem => Assert.StartsWith("Csms:StationLogin:LockoutSeconds: The field LockoutSeconds must be between 1 and 3600", problem, StringComparison.Ordinal));
        Assert.DoesNotContain(problems, problem => problem.Contains("secret-looking", StringComparison.Ordinal) || problem.Contains("too-short", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_hash_password_command_reads_stdin_and_prints_a_hash_that_matches()
    {
        var result = await WorkerProcess.RunProjectAsync(WorkerProcess.Csms, new Dictionary<string, string>(), Password + "\n", "hash-password");

        Assert.True(result.ExitCode == 0, result.Error);
        var hash = Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.True(StationPasswordHash.Matches(hash, Password));
        Assert.Null(StationPasswordHash.Problem(hash));
    }

    [Theory]
    [InlineData("short\n")]
    [InlineData("")]
    public async Task The_hash_password_command_refuses_a_password_a_station_could_not_send(string input)
    {
        var result = await WorkerProcess.RunProjectAsync(WorkerProcess.Csms, new Dictionary<string, string>(), input, "hash-password");

        Assert.Equal(CsmsSettingsCheck.BadSettingsExitCode, result.ExitCode);
        Assert.Contains("must be 16 to 40 characters long", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }
}
