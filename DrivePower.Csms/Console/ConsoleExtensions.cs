using DrivePower.Csms.WebConsole.Services;
using Microsoft.FluentUI.AspNetCore.Components;

namespace DrivePower.Csms.WebConsole;

/// <summary>
/// The stand's web console at <c>/</c>: Blazor with interactive server rendering, in the CSMS's own process, so it
/// reads through the same query services and gets live updates from <see cref="Events.StationEventHub"/>.
/// (Namespace WebConsole, not Console: a namespace DrivePower.Csms.Console would hide System.Console in the CSMS.)
/// </summary>
public static class ConsoleExtensions
{
    public static IHostApplicationBuilder AddConsole(this IHostApplicationBuilder builder)
    {
        // Run from a build in any environment (dotnet run without a launch profile is Production), the package assets
        // (blazor.web.js, Fluent UI) are found through the build's manifest; a published CSMS has its own copies and no
        // manifest, and this changes nothing there.
        if (builder is WebApplicationBuilder web)
            web.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddFluentUIComponents();
        builder.AddConsoleAuthentication();
        builder.Services.AddSingleton<ConsoleStationQueries>();
        builder.Services.AddSingleton<ConsoleTransactionQueries>();
        builder.Services.AddSingleton<ConsoleStationBlocks>();
        return builder;
    }

    /// <summary>Maps the console's pages, its SignalR circuit endpoint and its static assets; every page but the sign-in needs <see cref="ConsoleAuthentication.PolicyName"/>.</summary>
    public static WebApplication MapConsole(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(ConsoleAuthentication.PolicyName);
        app.MapConsoleSignOut();
        return app;
    }
}
