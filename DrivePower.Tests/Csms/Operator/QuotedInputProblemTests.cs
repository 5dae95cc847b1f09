using System.Text.Json;
using DrivePower.Ocpp.Frames;
using DrivePower.Tests.Infrastructure;
using DrivePower.Tests.Ocpp.Validation;

namespace DrivePower.Tests.Csms.Operator;

/// <summary>Problem Details that name a station id, token or action quote it through OcppText.Quote: bounded and printable.</summary>
public sealed class QuotedInputProblemTests(MigratedDatabaseFixture db) : IClassFixture<MigratedDatabaseFixture>
{
    /// <summary>The hostile text without its NUL, which is refused before any route (400, nothing quoted).</summary>
    private static readonly string HostileId = QuotedText.Hostile.Replace("\0", "", StringComparison.Ordinal);

    private static readonly string Escaped = Uri.EscapeDataString(HostileId);

    [Fact]
    public async Task An_unknown_station_id_of_1000_hostile_characters_is_quoted_bounded_and_clean()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.GetAsync($"/api/stations/{Escaped}");

        var detail = Detail(await response.ProblemAsync(404));
        Assert.StartsWith(@"No station 'Evil\u0001\u001b[31m\u202e", detail, StringComparison.Ordinal);
        QuotedText.AssertClean(detail, 150);
    }

    [Fact]
    public async Task A_command_for_a_hostile_station_id_or_action_is_refused_with_a_bounded_clean_detail()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var notConnected = await csms.Http.PostRawAsync($"/api/stations/{Escaped}/commands/Reset", """{"type":"OnIdle"}""");
        using var unknownCommand = await csms.Http.PostRawAsync($"/api/stations/CP-1/commands/{Escaped}", "{}");

        var station = Detail(await notConnected.ProblemAsync(404));
        Assert.StartsWith(@"Station 'Evil\u0001", station, StringComparison.Ordinal);
        QuotedText.AssertClean(station, 150);
        var command = Detail(await unknownCommand.ProblemAsync(400));
        Assert.StartsWith(@"'Evil\u0001", command, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', OcppText.MaxQuotedLength + 1), command, StringComparison.Ordinal);
        QuotedText.AssertClean(command, 1000);
    }

    [Fact]
    public async Task An_unknown_id_token_and_type_are_quoted_bounded_and_clean()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.GetAsync($"/api/id-tokens/{Escaped}/{Escaped}");

        var detail = Detail(await response.ProblemAsync(404));
        Assert.StartsWith(@"No 'Evil\u0001", detail, StringComparison.Ordinal);
        QuotedText.AssertClean(detail, 150);
    }

    [Fact]
    public async Task A_station_id_with_a_nul_is_refused_without_quoting_it()
    {
        await using var csms = await CsmsTestHost.StartAsync(db.ConnectionString);

        using var response = await csms.Http.GetAsync($"/api/stations/{Uri.EscapeDataString(QuotedText.Hostile)}");

        // Kestrel or the API's NUL check refuses it, before any handler could quote it.
        Assert.Equal(400, (int)response.StatusCode);
        Assert.DoesNotContain("Evil", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;
}
