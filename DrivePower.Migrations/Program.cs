using DrivePower.Migrations;

// Brings the CSMS schema up (default), down N, or lists it, then exits; see MigrationCommand.
if (MigrationCommand.AsksForHelp(args))
{
    Console.WriteLine(MigrationCommand.Help);
    return ExitCodes.Success;
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddMigrationWorker(args);

using var host = builder.Build();
return await host.RunMigrationWorkerAsync();
