using DrivePower.Emulator;
using DrivePower.Emulator.Configuration;
using DrivePower.Emulator.Output;

var builder = Host.CreateApplicationBuilder(args);
builder.AddEmulatorConfiguration(args);
builder.AddServiceDefaults();
builder.AddEmulatorLogging();
builder.AddEmulator();
return await builder.Build().RunEmulatorAsync();
