using DrivePower.Csms;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCsms();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCsms();
app.Run();

/// <summary>The CSMS entry point; public so tests can find its assembly.</summary>
public partial class Program;
