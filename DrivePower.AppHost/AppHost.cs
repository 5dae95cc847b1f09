using DrivePower.AppHost;

// The stand: PostgreSQL, the migration worker, the CSMS and the station emulator. Every name comes
// from StandTopology; docker-compose.yml mirrors this file and the Deployment tests keep them equal.
var builder = DistributedApplication.CreateBuilder(args);

// `aspire publish` writes a Docker Compose file for the resources below.
builder.AddDockerComposeEnvironment(StandTopology.ComposeEnvironment);

var csmsdb = builder.AddCsmsDatabase(StandTopology.Database);

var migrations = builder.AddProject<Projects.DrivePower_Migrations>(StandTopology.Migrations)
    .WithReference(csmsdb)
    .WaitFor(csmsdb);

// The CSMS's endpoint is declared here, not taken from its launch profile, so that the AppHost,
// service discovery and the health check agree on it whatever the profile says.
var csms = builder.AddProject<Projects.DrivePower_Csms>(StandTopology.Csms, project => project.ExcludeLaunchProfile = true)
    .WithHttpEndpoint()
    .WithReference(csmsdb)
    .WaitForCompletion(migrations)
    .WithHttpHealthCheck(StandTopology.HealthPath)
    .WithExternalHttpEndpoints();

builder.AddProject<Projects.DrivePower_Emulator>(StandTopology.Emulator)
    .WithReference(csms)
    .WaitFor(csms)
    .WithEmulatorSettings(builder.Configuration);

builder.Build().Run();
