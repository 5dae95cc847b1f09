using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrivePower.Ocpp.Messages;

/// <summary>Vendor extension data allowed on every OCPP object: a vendor id plus any properties.</summary>
public sealed record CustomData
{
    [OcppMaxLength(255)]
    public required string VendorId { get; init; }

    /// <summary>The vendor's own properties. Settable, not init-only: System.Text.Json can't fill extension data through an initializer.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
