using DrivePower.Emulator.Configuration;
using Microsoft.Extensions.Hosting;

namespace DrivePower.Tests.Emulator;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>Where settings come from: command line &gt; environment &gt; env file &gt; defaults. Touches the process environment.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class ConfigurationSourcesTests : IDisposable
{
    private readonly string _envFile = Path.GetTempFileName();

    public void Dispose()
    {
        File.Delete(_envFile);
        Environment.SetEnvironmentVariable("MODEL", null);
        Environment.SetEnvironmentVariable("STATION_ID", null);
        Environment.SetEnvironmentVariable(EnvFile.Variable, null);
    }

    private static HostApplicationBuilder Configure(params string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        builder.AddEmulatorConfiguration(args);
        return builder;
    }

    [Fact]
    public void The_command_line_beats_the_environment_which_beats_the_env_file()
    {
        File.WriteAllLines(_envFile,
        [
            "# emulator settings",
            "STATION_ID=FROM-FILE",
            "MODEL=FILE-MODEL",
            "export EVSE_COUNT=3",
            "VENDOR_NAME=\"Quoted Vendor\"",
            "services__csms__http__0=http://csms:8080",
            "",
        ]);
        Environment.SetEnvironmentVariable("MODEL", "ENV-MODEL");
        Environment.SetEnvironmentVariable("STATION_ID", "FROM-ENV");

        var configuration = Configure("--env-file", _envFile, "--station-id", "FROM-ARGS").Configuration;

        Assert.Equal("FROM-ARGS", configuration["STATION_ID"]);
        Assert.Equal("ENV-MODEL", configuration["MODEL"]);
        Assert.Equal("3", configuration["EVSE_COUNT"]);
        Assert.Equal("Quoted Vendor", configuration["VENDOR_NAME"]);
        Assert.Equal("http://csms:8080", configuration["services:csms:http:0"]);
        Assert.Null(configuration["SERIAL_NUMBER"]);
    }

    [Fact]
    public void The_env_file_can_be_named_by_EMULATOR_ENV_FILE_and_a_missing_one_is_a_named_error()
    {
        File.WriteAllLines(_envFile, ["CSMS_URL=ws://from-file:9/ocpp"]);
        Environment.SetEnvironmentVariable(EnvFile.Variable, _envFile);
        Assert.Equal("ws://from-file:9/ocpp", Configure().Configuration["CSMS_URL"]);

        EmulatorOptionsParser.Parse(new EmulatorSettings { CsmsUrl = "ws://h/ocpp", EnvFilePath = "/no/such/emulator.env" }, out var errors);
        Assert.Equal(["EMULATOR_ENV_FILE (--env-file) names no file: '/no/such/emulator.env'"], errors);
    }
}
