using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DrivePower.Ocpp.Messages;

/// <summary>Typed conversions between OCPP records and JSON payloads, through <see cref="OcppJsonContext"/> only.</summary>
public static class OcppJson
{
    /// <summary>The record as a JSON payload, with the exact wire names.</summary>
    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, TypeInfo<T>());

    /// <summary>The payload as a record; throws <see cref="JsonException"/> when it does not fit.</summary>
    public static T FromElement<T>(JsonElement payload) =>
        payload.Deserialize(TypeInfo<T>()) ?? throw new JsonException($"The payload is null, not a {typeof(T).Name}.");

    /// <summary>The source-generated contract of <typeparamref name="T"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        OcppJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T).Name} is not an OCPP message type of {nameof(OcppJsonContext)}.");
}
