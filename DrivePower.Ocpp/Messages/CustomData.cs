using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrivePower.Ocpp.Messages;

/// <summary>Vendor extension data allowed on every OCPP object: a vendor id plus any properties.</summary>
public sealed record CustomData
{
    [OcppMaxLength(255)]
    public required string VendorId { get; init; }

    [JsonExtensionData]
    // Settable, not init: System.Text.Json fills extension data after construction.
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
