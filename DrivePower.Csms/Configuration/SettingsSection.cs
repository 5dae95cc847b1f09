using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace DrivePower.Csms.Configuration;

/// <summary>
/// Binds one options class from its configuration section property by property, so that every
/// value that does not convert, and every rule an option breaks, is one problem naming the setting.
/// </summary>
internal static class SettingsSection
{
    public static T Check<T>(IConfiguration configuration, string sectionPath, List<string> problems) where T : new()
    {
        var section = configuration.GetSection(sectionPath);
        var options = new T();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var setting = section.GetSection(property.Name);
            if (!setting.Exists())
                continue;
            try
            {
                if (setting.Get(property.PropertyType) is { } value)
                    property.SetValue(options, value);
            }
            catch (InvalidOperationException)
            {
                problems.Add($"{setting.Path}: {Expected(property.PropertyType)}, got {Quoted(setting.Value)}.");
            }
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        problems.AddRange(results.Select(result => $"{Paths(sectionPath, result)}: {result.ErrorMessage}"));
        return options;
    }

    private static string Paths(string sectionPath, ValidationResult result) =>
        string.Join(", ", result.MemberNames.DefaultIfEmpty("").Select(member => member.Length == 0 ? sectionPath : $"{sectionPath}:{member}"));

    private static string Expected(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            { IsEnum: true } => $"expected one of {string.Join(", ", Enum.GetNames(target))}",
            _ when target == typeof(int) => "expected a whole number",
            _ when target == typeof(bool) => "expected true or false",
            _ => $"expected a value of type {target.Name}",
        };
    }

    /// <summary>The value as given, but bounded and without control characters: it goes to a terminal.</summary>
    private static string Quoted(string? value) => value is null
        ? "a section"
        : $"'{new string([.. value.Take(40).Select(c => char.IsControl(c) ? '?' : c)])}{(value.Length > 40 ? "..." : "")}'";
}
