using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>
/// The sampled values of a <c>meterValue[]</c> payload as column arrays, one row per sampledValue, for
/// an <c>unnest</c> insert. Values are stored scaled by <c>unitOfMeasure.multiplier</c> (10^m), with the
/// reported unit; an absent measurand is <c>Energy.Active.Import.Register</c>, the schema's default.
/// </summary>
internal sealed class MeterValueRows
{
    public const string DefaultMeasurand = "Energy.Active.Import.Register";

    private readonly List<DateTimeOffset> _timestamps = [];
    private readonly List<string> _measurands = [];
    private readonly List<string?> _phases = [];
    private readonly List<string?> _locations = [];
    private readonly List<string?> _contexts = [];
    private readonly List<string?> _units = [];
    private readonly List<decimal> _values = [];

    public int Count => _values.Count;

    /// <summary>Reads a payload's <c>meterValue</c> array (absent: no rows).</summary>
    public static MeterValueRows From(JsonElement payload)
    {
        var rows = new MeterValueRows();
        if (!payload.TryGetProperty("meterValue", out var meterValues) || meterValues.ValueKind != JsonValueKind.Array)
            return rows;

        foreach (var meterValue in meterValues.EnumerateArray())
        {
            var timestamp = meterValue.GetProperty("timestamp").GetDateTimeOffset().ToUniversalTime();
            foreach (var sampled in meterValue.GetProperty("sampledValue").EnumerateArray())
                rows.Add(timestamp, sampled);
        }

        return rows;
    }

    /// <summary>The rows of several payloads, in order, as one set of column arrays (a batch of MeterValues).</summary>
    public static MeterValueRows Concat(IEnumerable<MeterValueRows> parts)
    {
        var rows = new MeterValueRows();
        foreach (var part in parts)
        {
            rows._timestamps.AddRange(part._timestamps);
            rows._measurands.AddRange(part._measurands);
            rows._phases.AddRange(part._phases);
            rows._locations.AddRange(part._locations);
            rows._contexts.AddRange(part._contexts);
            rows._units.AddRange(part._units);
            rows._values.AddRange(part._values);
        }

        return rows;
    }

    private void Add(DateTimeOffset timestamp, JsonElement sampled)
    {
        var unit = sampled.TryGetProperty("unitOfMeasure", out var unitOfMeasure) ? unitOfMeasure : default;
        var multiplier = unit.ValueKind == JsonValueKind.Object && unit.TryGetProperty("multiplier", out var m) ? m.GetInt32() : 0;
        _timestamps.Add(timestamp);
        _measurands.Add(Text(sampled, "measurand") ?? DefaultMeasurand);
        _phases.Add(Text(sampled, "phase"));
        _locations.Add(Text(sampled, "location"));
        _contexts.Add(Text(sampled, "context"));
        _units.Add(unit.ValueKind == JsonValueKind.Object ? Text(unit, "unit") : null);
        _values.Add(Scale(sampled.GetProperty("value").GetDecimal(), multiplier));
    }

    /// <summary>Binds @timestamps, @measurands, @phases, @locations, @contexts, @units, @values.</summary>
    public void Bind(NpgsqlParameterCollection parameters)
    {
        parameters.AddWithValue("timestamps", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, _timestamps.ToArray());
        parameters.AddWithValue("measurands", NpgsqlDbType.Array | NpgsqlDbType.Text, _measurands.ToArray());
        parameters.AddWithValue("phases", NpgsqlDbType.Array | NpgsqlDbType.Text, _phases.ToArray());
        parameters.AddWithValue("locations", NpgsqlDbType.Array | NpgsqlDbType.Text, _locations.ToArray());
        parameters.AddWithValue("contexts", NpgsqlDbType.Array | NpgsqlDbType.Text, _contexts.ToArray());
        parameters.AddWithValue("units", NpgsqlDbType.Array | NpgsqlDbType.Text, _units.ToArray());
        parameters.AddWithValue("values", NpgsqlDbType.Array | NpgsqlDbType.Numeric, _values.ToArray());
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static decimal Scale(decimal value, int multiplier)
    {
        for (; multiplier > 0; multiplier--)
            value *= 10;
        for (; multiplier < 0; multiplier++)
            value /= 10;
        return value;
    }
}
