using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DrivePower.Ocpp.Messages;
using DrivePower.Ocpp.Validation;

namespace DrivePower.Csms.Commands;

/// <summary>
/// One command an operator may send a station: an OCPP action the CSMS calls, with the JSON Schemas
/// of its request and response (from <see cref="OcppJsonSchema"/>) and a minimal valid request
/// (from <see cref="OcppPayloadExample"/>). The JSON values are immutable, safe to share.
/// </summary>
public sealed class CommandInfo
{
    internal CommandInfo(OcppAction ocpp)
    {
        Ocpp = ocpp;
        RequestSchema = Element(ocpp.RequestSchema());
        ResponseSchema = Element(ocpp.ResponseSchema());
        ExampleRequest = Element(ocpp.ExampleRequest());
    }

    /// <summary>The exact (case-sensitive) action name, as the command route and <see cref="OperatorCommands"/> take it.</summary>
    public string Action => Ocpp.Name;

    /// <summary>The JSON Schema of the request payload.</summary>
    public JsonElement RequestSchema { get; }

    /// <summary>The JSON Schema of the station's response payload.</summary>
    public JsonElement ResponseSchema { get; }

    /// <summary>The smallest valid request, derived from the schema rules.</summary>
    public JsonElement ExampleRequest { get; }

    /// <summary>The OCPP action behind the command (its contracts, its direction).</summary>
    [JsonIgnore]
    public OcppAction Ocpp { get; }

    private static JsonElement Element(JsonObject node) => JsonSerializer.SerializeToElement(node, OcppSchemaJson.Default.JsonObject);
}

/// <summary>
/// The commands an operator may send: every action of <see cref="OcppActions"/> the CSMS calls
/// (direction CsmsToStation or Both), in catalogue order. An action added there is a command here.
/// </summary>
public static class CommandCatalog
{
    /// <summary>Every command, in <see cref="OcppActions.All"/> order.</summary>
    public static IReadOnlyList<CommandInfo> All { get; } =
    [
        .. OcppActions.All
            .Where(action => action.Direction.HasFlag(OcppDirection.CsmsToStation))
            .Select(action => new CommandInfo(action)),
    ];

    /// <summary>The commands' action names (exact, case-sensitive).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(command => command.Action)];

    private static readonly FrozenDictionary<string, CommandInfo> ByName = All.ToFrozenDictionary(command => command.Action, StringComparer.Ordinal);

    /// <summary>The command of this exact name, or null (names are case-sensitive; a station-to-CSMS action is no command).</summary>
    public static CommandInfo? Find(string action) => ByName.GetValueOrDefault(action);
}

/// <summary>Serialization of the schema nodes without reflection.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class OcppSchemaJson : JsonSerializerContext;
