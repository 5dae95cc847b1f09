using System.Text.Json;
using Bunit;
using DrivePower.Csms.Commands;
using DrivePower.Csms.WebConsole.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace DrivePower.Tests.Console.Components;

/// <summary>How a command's outcome is shown next to its form.</summary>
public sealed class CommandOutcomeViewTests : IDisposable
{
    private readonly BunitContext _context = new();

    public CommandOutcomeViewTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddFluentUIComponents();
    }

    [Fact]
    public void A_CALLERROR_shows_its_code_description_and_details_with_the_round_trip()
    {
        using var details = JsonDocument.Parse("""{"lock":"held"}""");
        var outcome = new CommandOutcome("CP-1", "ClearCache", CommandStatus.CallError, "'GenericError': 'Cache is locked'")
        {
            Error = new CommandCallError("GenericError", "Cache is locked", details.RootElement.Clone()),
            RoundTrip = TimeSpan.FromMilliseconds(12.4),
        };

        var view = _context.Render<CommandOutcomeView>(parameters => parameters.Add(v => v.Outcome, outcome).Add(v => v.SentAt, DateTimeOffset.UtcNow));

        Assert.Equal("CallError", view.Find("[data-outcome]").GetAttribute("data-outcome"));
        Assert.Equal("GenericError", view.Find("[data-testid='error-code']").TextContent);
        Assert.Contains("Cache is locked", view.Markup, StringComparison.Ordinal);
        Assert.Contains("\"lock\": \"held\"", view.Markup, StringComparison.Ordinal);
        Assert.Equal("round trip 12 ms", view.Find("[data-testid='round-trip']").TextContent);
        Assert.Contains("CALLERROR", view.Find("[data-status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_station_not_connected_says_nothing_was_sent_and_has_no_round_trip()
    {
        var outcome = new CommandOutcome("CP-2", "Reset", CommandStatus.NotConnected, "Station 'CP-2' is not connected: the command can't be sent.");

        var view = _context.Render<CommandOutcomeView>(parameters => parameters.Add(v => v.Outcome, outcome).Add(v => v.SentAt, DateTimeOffset.UtcNow));

        Assert.Contains("not sent: not connected", view.Markup, StringComparison.Ordinal);
        Assert.Contains("is not connected", view.Markup, StringComparison.Ordinal);
        Assert.Empty(view.FindAll("[data-testid='round-trip']"));
    }

    public void Dispose() => _context.Dispose();
}
