using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace DrivePower.Csms.Schema;

public static class SchemaExtensions
{
    /// <summary>The schema version check: at start (logged), in <c>/health</c> ("ready"), and for the operator API's 503.</summary>
    public static IHostApplicationBuilder AddSchemaCheck(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SchemaVersionReader>();
        builder.Services.AddHostedService<SchemaStartupCheck>();
        builder.Services.AddHealthChecks().AddCheck<SchemaHealthCheck>(SchemaHealthCheck.Name, tags: ["ready"], timeout: TimeSpan.FromSeconds(3));
        // /health is mapped without options of its own, so it writes with these.
        builder.Services.Configure<HealthCheckOptions>(options => options.ResponseWriter = HealthReportText.WriteAsync);
        return builder;
    }
}
