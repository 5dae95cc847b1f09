using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrivePower.Emulator.Control;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<StationView>))]
[JsonSerializable(typeof(StationView))]
[JsonSerializable(typeof(ActionResult))]
[JsonSerializable(typeof(IdTokenBody))]
[JsonSerializable(typeof(PlugBody))]
[JsonSerializable(typeof(EvBody))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
