using System.Buffers;
using System.Diagnostics;
using System.Text.Json;

namespace DrivePower.Ocpp.Rpc;

/// <summary>
/// The W3C trace context carried across the WebSocket in a CALL payload's top-level customData, the one
/// place OCPP 2.0.1 lets an implementation add its own data without breaking the schemas:
/// <c>"customData": {"vendorId": "org.drivepower", "traceparent": "00-…-…-01", "tracestate": "…"}</c>.
/// </summary>
public static class OcppTraceContext
{
    /// <summary>The customData vendor id of the trace context.</summary>
    public const string VendorId = "org.drivepower";

    private const string CustomData = "customData";

    /// <summary>
    /// The payload with <paramref name="context"/> added as top-level customData. A payload that already
    /// has customData is returned unchanged: it belongs to its vendor, and OCPP allows only one.
    /// </summary>
    public static JsonElement Inject(JsonElement payload, ActivityContext context)
    {
        if (payload.ValueKind != JsonValueKind.Object || payload.TryGetProperty(CustomData, out _) || context == default)
            return payload;

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in payload.EnumerateObject())
                property.WriteTo(writer);
            writer.WriteStartObject(CustomData);
            writer.WriteString("vendorId", VendorId);
            writer.WriteString("traceparent", TraceParent(context));
            if (!string.IsNullOrEmpty(context.TraceState))
                writer.WriteString("tracestate", context.TraceState);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// The remote parent a CALL payload carries: only under our vendor id, only a well-formed traceparent.
    /// Anything else (no customData, another vendor's, a malformed value) is no parent, never an error.
    /// </summary>
    public static bool TryExtract(JsonElement payload, out ActivityContext parent)
    {
        parent = default;
        if (payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty(CustomData, out var customData) || customData.ValueKind != JsonValueKind.Object
            || !customData.TryGetProperty("vendorId", out var vendorId) || !vendorId.ValueEquals(VendorId)
            || !customData.TryGetProperty("traceparent", out var traceParent) || traceParent.ValueKind != JsonValueKind.String)
            return false;

        var traceState = customData.TryGetProperty("tracestate", out var state) && state.ValueKind == JsonValueKind.String ? state.GetString() : null;
        return ActivityContext.TryParse(traceParent.GetString(), traceState, isRemote: true, out parent);
    }

    private static string TraceParent(ActivityContext context) =>
        $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";
}
