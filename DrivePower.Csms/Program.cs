using DrivePower.Csms;
using DrivePower.Csms.Configuration;

if (args is [HashPasswordCommand.Name, .. var options])
    return HashPasswordCommand.Run(options, Console.In, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
if (!CsmsSettingsCheck.Passes(builder.Configuration, Console.Error))
    return CsmsSettingsCheck.BadSettingsExitCode;

builder.AddServiceDefaults();
builder.AddCsms();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCsms();
app.Run();
return 0;

/// <summary>The CSMS entry point; public so tests can find its assembly.</summary>
public partial class Program;
