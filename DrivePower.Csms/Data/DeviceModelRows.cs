using DrivePower.Ocpp.Messages;
using Npgsql;
using NpgsqlTypes;

namespace DrivePower.Csms.Data;

/// <summary>
/// Report parts' variable attributes as column arrays, one row per variableAttribute, each with its
/// station, requestId and time. Absent instances are '' and absent EVSE/connector 0, as the table's key
/// wants; an absent attribute type is Actual.
/// </summary>
internal sealed class DeviceModelRows
{
    private readonly List<string> _stations = [], _components = [], _componentInstances = [], _variables = [], _variableInstances = [], _attributeTypes = [];
    private readonly List<int> _requestIds = [], _evses = [], _connectors = [];
    private readonly List<DateTimeOffset> _reportedAt = [];
    private readonly List<string?> _values = [], _mutabilities = [], _dataTypes = [], _units = [], _valuesLists = [];
    private readonly List<decimal?> _minLimits = [], _maxLimits = [];

    public int Count => _components.Count;

    public static DeviceModelRows From(IEnumerable<(string StationId, NotifyReportRequest Report)> parts)
    {
        var rows = new DeviceModelRows();
        foreach (var (stationId, report) in parts)
        {
            foreach (var data in report.ReportData ?? [])
            {
                foreach (var attribute in data.VariableAttribute)
                    rows.Add(stationId, report, data, attribute);
            }
        }

        return rows;
    }

    private void Add(string stationId, NotifyReportRequest report, ReportData data, VariableAttribute attribute)
    {
        var characteristics = data.VariableCharacteristics;
        _stations.Add(stationId);
        _requestIds.Add(report.RequestId);
        _reportedAt.Add(report.GeneratedAt.ToUniversalTime());
        _components.Add(data.Component.Name);
        _componentInstances.Add(data.Component.Instance ?? string.Empty);
        _evses.Add(data.Component.Evse?.Id ?? 0);
        _connectors.Add(data.Component.Evse?.ConnectorId ?? 0);
        _variables.Add(data.Variable.Name);
        _variableInstances.Add(data.Variable.Instance ?? string.Empty);
        _attributeTypes.Add((attribute.Type ?? AttributeType.Actual).ToString());
        _values.Add(attribute.Value);
        _mutabilities.Add(attribute.Mutability?.ToString());
        _dataTypes.Add(characteristics?.DataType.ToString());
        _units.Add(characteristics?.Unit);
        _minLimits.Add(characteristics?.MinLimit);
        _maxLimits.Add(characteristics?.MaxLimit);
        _valuesLists.Add(characteristics?.ValuesList);
    }

    public void Bind(NpgsqlParameterCollection parameters)
    {
        const NpgsqlDbType Texts = NpgsqlDbType.Array | NpgsqlDbType.Text;
        const NpgsqlDbType Integers = NpgsqlDbType.Array | NpgsqlDbType.Integer;
        const NpgsqlDbType Numerics = NpgsqlDbType.Array | NpgsqlDbType.Numeric;
        parameters.AddWithValue("stations", Texts, _stations.ToArray());
        parameters.AddWithValue("requestIds", Integers, _requestIds.ToArray());
        parameters.AddWithValue("reportedAt", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, _reportedAt.ToArray());
        parameters.AddWithValue("components", Texts, _components.ToArray());
        parameters.AddWithValue("componentInstances", Texts, _componentInstances.ToArray());
        parameters.AddWithValue("evses", Integers, _evses.ToArray());
        parameters.AddWithValue("connectors", Integers, _connectors.ToArray());
        parameters.AddWithValue("variables", Texts, _variables.ToArray());
        parameters.AddWithValue("variableInstances", Texts, _variableInstances.ToArray());
        parameters.AddWithValue("attributeTypes", Texts, _attributeTypes.ToArray());
        parameters.AddWithValue("values", Texts, _values.ToArray());
        parameters.AddWithValue("mutabilities", Texts, _mutabilities.ToArray());
        parameters.AddWithValue("dataTypes", Texts, _dataTypes.ToArray());
        parameters.AddWithValue("units", Texts, _units.ToArray());
        parameters.AddWithValue("minLimits", Numerics, _minLimits.ToArray());
        parameters.AddWithValue("maxLimits", Numerics, _maxLimits.ToArray());
        parameters.AddWithValue("valuesLists", Texts, _valuesLists.ToArray());
    }
}
