namespace DrivePower.Emulator.Configuration;

/// <summary>
/// The <c>emulator.env</c> format: <c>KEY=VALUE</c> lines; blank lines and <c>#</c> comments skipped;
/// an optional <c>export </c> prefix; values optionally in single or double quotes. As with environment
/// variables, <c>__</c> in a key separates sections (<c>services__csms__http__0</c>).
/// </summary>
public static class EnvFile
{
    /// <summary>The environment variable naming the file; the command line says <c>--env-file</c>.</summary>
    public const string Variable = EmulatorDefaults.Names.EnvFile;

    public static Dictionary<string, string?> Parse(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (line.StartsWith("export ", StringComparison.Ordinal))
                line = line["export ".Length..].TrimStart();

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                continue;
            var key = line[..equals].Trim().Replace("__", ":", StringComparison.Ordinal);
            values[key] = Unquote(line[(equals + 1)..].Trim());
        }

        return values;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
