using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Console;

/// <summary>The console's scripts and styles are served by the built CSMS in Production too (dotnet run without a launch profile).</summary>
public sealed class ConsoleAssetsTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task The_built_CSMS_in_Production_serves_the_console_with_its_Blazor_script_and_Fluent_UI_styles()
    {
        await using var csms = await CsmsProcess.StartAsync(database.ConnectionString);

        var page = await csms.Http.GetStringAsync("/");
        foreach (var asset in new[] { "_framework/blazor.web.js", "_content/Microsoft.FluentUI.AspNetCore.Components/Microsoft.FluentUI.AspNetCore.Components.bundle.scp.css", "console/console.css" })
        {
            var body = await csms.Http.GetStringAsync(asset);
            Assert.True(body.Length > 1000, $"{asset}: {body.Length} characters");
        }

        Assert.Contains("blazor.web", page, StringComparison.Ordinal);
    }
}
