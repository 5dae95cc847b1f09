using System.Globalization;

namespace DrivePower.Emulator.Configuration;

/// <summary>Reads text settings into values, collecting one clear message per bad setting.</summary>
internal sealed class SettingReader
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public void Fail(string message) => _errors.Add(message);

    public int Integer(string name, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Fail($"{name} must be an integer from {min} to {max}, got '{text}'");
        return fallback;
    }

    public double Number(string name, string? text, double fallback, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        Fail($"{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, got '{text}'");
        return fallback;
    }

    public TimeSpan Seconds(string name, string? text, double fallbackSeconds, double min, double max) =>
        TimeSpan.FromSeconds(Number(name, text, fallbackSeconds, min, max));

    public bool Boolean(string name, string? text, bool fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on":
                return true;
            case "false" or "0" or "no" or "off":
                return false;
            default:
                Fail($"{name} must be true or false, got '{text}'");
                return fallback;
        }
    }

    public string Text(string name, string? text, string fallback, int maxLength) =>
        Optional(name, text, maxLength) ?? fallback;

    public string? Optional(string name, string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var value = text.Trim();
        if (value.Length <= maxLength)
            return value;
        Fail($"{name} must be at most {maxLength} characters (OCPP limit), got '{text}' ({value.Length})");
        return null;
    }

    public TEnum Choice<TEnum>(string name, string? text, TEnum fallback) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text.Trim()[0]))
            return value;
        var choices = string.Join(" | ", Enum.GetNames<TEnum>().Select(choice => choice.ToLowerInvariant()));
        Fail($"{name} must be one of {choices}, got '{text}'");
        return fallback;
    }
}
