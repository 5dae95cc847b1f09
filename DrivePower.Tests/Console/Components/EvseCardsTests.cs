using Bunit;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.WebConsole.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace DrivePower.Tests.Console.Components;

/// <summary>The EVSE cards' session facts: the running cost appears once the CSMS has costed the session.</summary>
public sealed class EvseCardsTests : IDisposable
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-12-03T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private readonly BunitContext _context = new();

    public EvseCardsTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddFluentUIComponents();
    }

    private static TransactionDetails Session(decimal? totalCost) => new(
        new TransactionSummary(1, "CP", "tx-1", 1, 1, "CARD", "ISO14443", At, null, At, null, "Charging",
            1000m, null, 250m, 3, true, null, totalCost, totalCost is null ? null : "EUR"),
        [], []);

    private IRenderedComponent<EvseCards> Render(TransactionDetails session) => _context.Render<EvseCards>(parameters => parameters
        .Add(cards => cards.Connectors, [new ConnectorStatusInfo(1, 1, "Occupied", At)])
        .Add(cards => cards.Transactions, [session]));

    [Fact]
    public void A_costed_session_shows_its_cost_so_far_in_its_currency_and_an_uncosted_one_shows_no_cost_line()
    {
        Assert.Equal("1.25 EUR", Render(Session(1.25m)).Find("[data-testid='cost-so-far']").TextContent);
        Assert.Empty(Render(Session(null)).FindAll("[data-testid='cost-so-far']"));
    }

    public void Dispose() => _context.Dispose();
}
