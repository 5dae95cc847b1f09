using System.Text.Json;

namespace DrivePower.Csms.Apis.Models;

/// <summary>A station's monitors as the CSMS knows them, with the monitoring base and level it last accepted (null: never set).</summary>
public sealed record StationMonitoringModel(string? MonitoringBase, int? MonitoringLevel, IReadOnlyList<VariableMonitorModel> Monitors);

/// <summary>One monitor: its id at the station, the component variable it watches, its kind, value and severity, and where it came from.</summary>
public sealed record VariableMonitorModel(
    int Id, string Component, string? ComponentInstance, int? EvseId, int? ConnectorId, string Variable, string? VariableInstance,
    string Type, decimal Value, int Severity, bool Transaction, string Origin, int? RequestId, DateTimeOffset UpdatedAt);

/// <summary>The station's answer to a monitoring command and how many stored rows it changed.</summary>
public sealed record MonitoringCommandResult(JsonElement Response, int StoredChanges);
