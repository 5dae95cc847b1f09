using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace DrivePower.Tests.ServiceDefaults;

/// <summary>The service defaults record spans only when there is an OTLP endpoint to export them to.</summary>
public sealed class TracingWithoutExporterTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("http://127.0.0.1:4317", true)]
    public async Task A_service_listens_to_its_own_activity_source_only_with_an_otlp_endpoint(string? endpoint, bool recorded)
    {
        // A name no other test listens to: activity listeners are process-wide.
        var applicationName = $"tracing-test-{Guid.NewGuid():N}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = applicationName });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint });
        builder.AddServiceDefaults();
        using var host = builder.Build();
        await host.StartAsync();
        using var source = new ActivitySource(applicationName);

        Assert.Equal(recorded, source.HasListeners());
        Assert.Equal(recorded, host.Services.GetService(typeof(TracerProvider)) is TracerProvider);

        await host.StopAsync();
    }
}
