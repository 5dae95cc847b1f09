using System.Text;
using System.Text.Json;
using DrivePower.Ocpp.Frames;

namespace DrivePower.Ocpp.Validation;

/// <summary>
/// The state of one validation: where in the payload it is (a stack of property names and array
/// indexes, rendered as a JSON path only when something is reported) and what it found.
/// </summary>
internal sealed class ValidationContext
{
    private readonly List<(string? Name, int Index)> _path = [];
    private List<OcppViolation>? _violations;

    public IReadOnlyList<OcppViolation> Violations => _violations ?? (IReadOnlyList<OcppViolation>)[];

    /// <summary>Ready for the next payload; the violations list already handed out is dropped, not cleared.</summary>
    public void Reset()
    {
        _path.Clear();
        _violations = null;
    }

    public bool IsFull => _violations?.Count >= OcppPayloadValidator.MaxViolations;

    public void Enter(string name) => _path.Add((name, -1));

    public void Enter(int index) => _path.Add((null, index));

    public void Leave() => _path.RemoveAt(_path.Count - 1);

    public void Report(OcppErrorCode code, string message)
    {
        if (IsFull)
            return;
        (_violations ??= []).Add(new OcppViolation(code, RenderPath(), message));
    }

    /// <summary>Reports at the path of <paramref name="name"/>, a child of the current value.</summary>
    public void Report(string name, OcppErrorCode code, string message)
    {
        Enter(name);
        Report(code, message);
        Leave();
    }

    public static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private string RenderPath()
    {
        var path = new StringBuilder("$");
        foreach (var (name, index) in _path)
        {
            if (name is null)
                path.Append('[').Append(index).Append(']');
            else if (IsPlainName(name))
                path.Append('.').Append(name);
            else
                AppendQuoted(path, name);
        }

        return path.ToString();
    }

    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= OcppText.MaxQuotedLength
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.AsSpan().IndexOfAnyExcept(PlainNameChars) < 0;

    private static readonly System.Buffers.SearchValues<char> PlainNameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>A peer's property name, quoted the one safe way: <c>['name']</c>.</summary>
    private static void AppendQuoted(StringBuilder path, string name) =>
        path.Append('[').Append(OcppText.Quote(name)).Append(']');
}
