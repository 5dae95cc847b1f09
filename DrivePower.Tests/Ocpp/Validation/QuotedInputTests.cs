using System.Text.Json;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Rpc;
using DrivePower.Ocpp.Validation;
using DrivePower.Tests.Ocpp.Rpc;

namespace DrivePower.Tests.Ocpp.Validation;

/// <summary>A peer's text in a CALLERROR description goes through OcppText.Quote: short, printable, escaped.</summary>
public class QuotedInputTests
{
    /// <summary>The quotes, the ellipsis and the longest escaped text.</summary>
    private const int MaxQuote = OcppText.MaxQuotedLength + 3;

    [Theory]
    [InlineData("Heartbeat", "'Heartbeat'")]
    [InlineData("a'b\\c", @"'a\'b\\c'")]
    [InlineData("a\0b\u001bc", @"'a\u0000b\u001bc'")]
    [InlineData("rtl\u202eltr\u2028", @"'rtl\u202eltr\u2028'")]
    [InlineData("ok 😀 é", "'ok 😀 é'")]
    public void Quote_escapes_what_is_not_printed_and_keeps_what_is(string text, string quoted) =>
        Assert.Equal(quoted, OcppText.Quote(text));

    [Fact]
    public void Quote_escapes_a_lone_surrogate() =>
        Assert.Equal(@"'lone \ud800'", OcppText.Quote("lone " + (char)0xD800));

    [Fact]
    public void Quote_cuts_long_text_with_an_ellipsis_and_never_splits_an_escape()
    {
        Assert.Equal("'" + new string('x', OcppText.MaxQuotedLength) + "…'", OcppText.Quote(new string('x', 1000)));

        var escapes = OcppText.Quote(new string('\0', 100));
        Assert.Equal("'" + string.Concat(Enumerable.Repeat(@"\u0000", OcppText.MaxQuotedLength / 6)) + "…'", escapes);
    }

    [Fact]
    public async Task An_unknown_action_of_1000_hostile_characters_gets_a_bounded_clean_NotImplemented()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        await using var csms = new RunningConnection(pair.Server, new OcppHandlerRegistry());
        var raw = new RawPeer(pair.Client);

        await raw.SendAsync(JsonSerializer.Serialize(new object[] { 2, "q1", QuotedText.Hostile, new { } }));
        var answer = JsonDocument.Parse(await raw.ReceiveAsync()).RootElement;

        Assert.Equal("NotImplemented", answer[2].GetString());
        var description = answer[3].GetString()!;
        Assert.StartsWith(@"Action 'Evil\u0000\u0001\u001b[31m\u202e", description, StringComparison.Ordinal);
        Assert.EndsWith("…' is not known.", description, StringComparison.Ordinal);
        QuotedText.AssertClean(description, "Action  is not known.".Length + MaxQuote);
    }

    [Fact]
    public void An_unknown_property_name_of_1000_hostile_characters_is_quoted_bounded_and_clean()
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, int> { [QuotedText.Hostile] = 1 });
        using var document = JsonDocument.Parse(payload);

        var violation = Assert.Single(OcppActions.Find("Heartbeat")!.ValidateRequest(document.RootElement));

        Assert.Equal(OcppErrorCode.FormatViolation, violation.Code);
        Assert.StartsWith(@"$['Evil\u0000\u0001\u001b[31m\u202e", violation.Path, StringComparison.Ordinal);
        QuotedText.AssertClean(violation.Path, "$[]".Length + MaxQuote);
        QuotedText.AssertClean(violation.ToCallError("q2").ErrorDescription, CallErrorFrame.MaxDescriptionLength);
    }
}
