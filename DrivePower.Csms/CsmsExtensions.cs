using DrivePower.Csms.Apis;
using DrivePower.Csms.Authentication;
using DrivePower.Csms.Configuration;
using DrivePower.Csms.Data;
using DrivePower.Csms.Data.Batching;
using DrivePower.Csms.Events;
using DrivePower.Csms.Handlers;
using DrivePower.Csms.Journal;
using DrivePower.Csms.Ocpp;
using DrivePower.Csms.Schema;
using DrivePower.Csms.StationFiles;
using DrivePower.Csms.Stations;
using DrivePower.Csms.Tariffs;
using DrivePower.Csms.WebConsole;
using DrivePower.Database;
using DrivePower.Ocpp.Rpc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms;

public static class CsmsExtensions
{
    /// <summary>Registers the CSMS: settings, PostgreSQL, the station connections and their handlers.</summary>
    public static IHostApplicationBuilder AddCsms(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCheckedSettings<CsmsOptions>(CsmsOptions.SectionName);

        builder.Services.AddSingleton<StationHttpAddress>();
        builder.Services.AddCheckedSettings<LogUploadOptions>(LogUploadOptions.SectionName);
        builder.AddFirmware();

        // Before the upgrade Kestrel is in charge: a connection that never completes its request is its to close.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<CsmsOptions>>((kestrel, csms) =>
        {
            var handshakeTimeout = TimeSpan.FromSeconds(csms.Value.HandshakeTimeoutSeconds);
            kestrel.Limits.KeepAliveTimeout = handshakeTimeout; // until the first byte of a request
            kestrel.Limits.RequestHeadersTimeout = handshakeTimeout; // from then until the last header
        });

        var connectionString = CsmsDatabase.ResolveConnectionString(builder.Configuration);
        var poolOptions = builder.Configuration.GetSection(DatabasePoolOptions.SectionName).Get<DatabasePoolOptions>() ?? new();
        builder.AddNpgsqlDataSource(CsmsDatabase.ConnectionName, settings =>
        {
            // DATABASE_URL too, not only ConnectionStrings:csmsdb; and a bounded pool.
            settings.ConnectionString = poolOptions.Bound(connectionString);
            settings.DisableHealthChecks = true; // ours below answers within 3 s when the server is gone
            settings.DisableTracing = !builder.ExportsTelemetry();
        });
        builder.Services.AddHealthChecks().AddNpgSql(timeout: TimeSpan.FromSeconds(3), tags: ["ready"]);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(OcppRpcTelemetry.Name, JournalTelemetry.Name));
        builder.AddExportedTracing(tracing => tracing.AddSource(OcppRpcTelemetry.Name, WriteBatchTelemetry.Name));

        builder.Services.AddCheckedSettings<WriteBatchingOptions>(WriteBatchingOptions.SectionName);

        builder.AddSchemaCheck();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new OcppRpcTelemetry(services.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.AddSingleton<SqlRunner>();
        builder.Services.AddSingleton<StationStore>();
        builder.Services.AddSingleton<ConnectorStatusStore>();
        builder.Services.AddSingleton<StationEventHub>();
        builder.Services.AddHostedService<StationEventLogger>();
        builder.Services.AddSingleton<StationConnections>();
        builder.Services.AddSingleton<ConnectorStatusRegistry>();
        builder.Services.AddSingleton<LastSeenTracker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LastSeenTracker>());
        builder.Services.AddSingleton<IRegistrationHistory, StoredRegistrationHistory>();
        builder.Services.AddSingleton<StationSessionGuard>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StationSessionGuard>());
        builder.Services.AddSingleton<StationConnectionHost>();
        builder.AddStationAuthentication();
        builder.Services.AddCsmsHandlers();
        builder.AddMessageJournal();
        builder.AddTariffs();
        builder.AddOperatorApi();
        builder.AddConsole();
        return builder;
    }

    /// <summary>Maps the stations' WebSocket endpoint (with the WebSocket middleware it needs) and the operator API.</summary>
    public static WebApplication MapCsms(this WebApplication app)
    {
        app.UseWebSockets();
        app.MapOcppEndpoint();
        app.MapOperatorApi();
        app.MapLogUploads();
        app.MapFirmwareDownloads();
        app.MapConsole();
        return app;
    }
}
