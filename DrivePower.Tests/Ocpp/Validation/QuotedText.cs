using System.Globalization;

namespace DrivePower.Tests.Ocpp.Validation;

/// <summary>What every description quoting a peer's text must be: bounded, and free of characters that are not printed.</summary>
internal static class QuotedText
{
    /// <summary>Hostile input: NUL, other controls, an ANSI escape, a right-to-left override, a line separator, then 1000 characters.</summary>
    public static readonly string Hostile = "Evil\0\u0001\u001b[31m\u202e\u2028\r\n" + new string('x', 1000);

    public static void AssertClean(string text, int maxLength)
    {
        Assert.True(text.Length <= maxLength, $"{text.Length} characters, more than {maxLength}: {text}");
        for (var i = 0; i < text.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
            Assert.False(
                category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate,
                $"U+{(int)text[i]:X4} ({category}) at {i} in: {text}");
        }
    }
}
