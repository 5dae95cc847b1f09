using DrivePower.AppHost;
using DrivePower.AppHost.Postgres;
using DrivePower.Emulator.Configuration;

// The stand: PostgreSQL, the migration worker, the CSMS and the station emulator. Every name comes
// from StandTopology; docker-compose.yml mirrors this model and DrivePower.Tests/Deployment compares them.
var builder = DistributedApplication.CreateBuilder(args);

IResourceBuilder<IResourceWithConnectionString> csmsdb;
try
{
    csmsdb = builder.AddCsmsDatabase(PostgresChoice.Make(builder.Configuration));
}
catch (StandSetupException problem)
{
    // No way to a database: say so at once instead of waiting forever for a server that never comes.
    Console.Error.WriteLine(problem.Message);
    return 2;
}

var migrations = builder.AddProject<Projects.DrivePower_Migrations>(StandTopology.Migrations)
    .WithReference(csmsdb)
    .WaitFor(csmsdb);

// Scripts and the console send this key (X-Api-Key). The CSMS requires it once it listens beyond
// loopback; under the AppHost it listens on loopback, so the key is wired but not yet demanded.
var operatorApiKey = builder.AddParameter(
    StandTopology.OperatorApiKey, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

// The CSMS's endpoint is declared here, not taken from its launch profile, so that the AppHost,
// service discovery and the health check agree on it whatever the profile says.
var csms = builder.AddProject<Projects.DrivePower_Csms>(StandTopology.Csms, project => project.ExcludeLaunchProfile = true)
    .WithHttpEndpoint()
    .WithReference(csmsdb)
    .WithEnvironment(StandTopology.Env.OperatorApiKey, operatorApiKey)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck(StandTopology.HealthPath)
    .WithExternalHttpEndpoints();
// Firmware locations and log upload URLs name the address the stations reach the CSMS at.
csms.WithEnvironment(StandTopology.Env.StationHttpBaseUrl, csms.GetEndpoint("http"));

builder.AddProject<Projects.DrivePower_Emulator>(StandTopology.Emulator)
    .WithHttpEndpoint(port: EmulatorDefaults.ControlPort, env: StandTopology.Env.ControlPort, name: StandTopology.ControlEndpoint)
    .WithReference(csms)
    .WaitFor(csms)
    .WithEmulatorSettings(builder.Configuration);

builder.Build().Run();
return 0;
