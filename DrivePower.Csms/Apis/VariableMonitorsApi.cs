using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Commands;
using DrivePower.Csms.Data;
using DrivePower.Ocpp.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>
/// Variable monitoring per station (N02-N06): the monitors as stored, and SetVariableMonitoring, ClearVariableMonitoring,
/// SetMonitoringBase, SetMonitoringLevel and GetMonitoringReport, each sent through <see cref="OperatorCommands"/> with
/// its effect stored by <see cref="CommandEffects"/>. The monitors' events arrive as NotifyEvent (<c>/api/stations/{id}</c>).
/// </summary>
public static class VariableMonitorsApi
{
    public static RouteGroupBuilder MapVariableMonitorsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stations/{stationId}").WithTags("Monitoring");
        group.MapGet("/monitors", ListAsync).WithSummary("The station's monitors as set and accepted or reported, with its monitoring base and level.");
        group.MapPost("/monitors", (string stationId, HttpRequest http, OperatorCommands commands, CancellationToken ct) =>
                SendAsync(stationId, http, commands, OcppJsonContext.Default.SetVariableMonitoringRequest, OcppJsonContext.Default.SetVariableMonitoringResponse, ct))
            .Accepts<JsonElement>("application/json")
            .WithSummary("SetVariableMonitoring: the body is its request payload; each monitor the station accepts is stored under the id it gave.");
        group.MapDelete("/monitors/{monitorId:int}", ClearAsync)
            .WithSummary("ClearVariableMonitoring of one monitor; the stored one goes when the station clears it (or does not know it).");
        group.MapPost("/monitoring-base", (string stationId, HttpRequest http, OperatorCommands commands, CancellationToken ct) =>
                SendAsync(stationId, http, commands, OcppJsonContext.Default.SetMonitoringBaseRequest, OcppJsonContext.Default.SetMonitoringBaseResponse, ct))
            .Accepts<JsonElement>("application/json")
            .WithSummary("SetMonitoringBase: accepted, the stored monitors are dropped (the station's set changed) until the next report.");
        group.MapPost("/monitoring-level", (string stationId, HttpRequest http, OperatorCommands commands, CancellationToken ct) =>
                SendAsync(stationId, http, commands, OcppJsonContext.Default.SetMonitoringLevelRequest, OcppJsonContext.Default.SetMonitoringLevelResponse, ct))
            .Accepts<JsonElement>("application/json")
            .WithSummary("SetMonitoringLevel: the station reports only events of this severity or more severe (a lower number).");
        group.MapPost("/monitoring-report", (string stationId, HttpRequest http, OperatorCommands commands, CancellationToken ct) =>
                SendAsync(stationId, http, commands, OcppJsonContext.Default.GetMonitoringReportRequest, OcppJsonContext.Default.GetMonitoringReportResponse, ct))
            .Accepts<JsonElement>("application/json")
            .WithSummary("GetMonitoringReport: accepted, the station's NotifyMonitoringReport parts are stored as they arrive.");
        return group;
    }

    private static async Task<Ok<StationMonitoringModel>> ListAsync(string stationId, VariableMonitorStore monitors, CancellationToken cancellationToken)
    {
        var stored = await monitors.ReadAsync(stationId, cancellationToken);
        return TypedResults.Ok(new StationMonitoringModel(stored.MonitoringBase, stored.MonitoringLevel, [.. stored.Monitors.Select(m => new VariableMonitorModel(
            m.Id, m.Component, m.ComponentInstance, m.EvseId, m.ConnectorId, m.Variable, m.VariableInstance, m.Type, m.Value, m.Severity,
            m.Transaction, m.Origin, m.RequestId, m.UpdatedAt))]));
    }

    private static async Task<Results<Ok<MonitoringCommandResult>, ProblemHttpResult>> SendAsync<TRequest, TResponse>(
        string stationId, HttpRequest http, OperatorCommands commands, JsonTypeInfo<TRequest> request, JsonTypeInfo<TResponse> response,
        CancellationToken cancellationToken)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : IOcppResponse
    {
        var (body, problem) = await CommandBody.ReadAsync(http, request, cancellationToken);
        if (problem is not null)
            return problem;
        return await CommandBody.SendAsync(commands, stationId, body!, (answer, outcome) =>
            new MonitoringCommandResult(JsonSerializer.SerializeToElement(answer, response), outcome.StoredChanges), cancellationToken);
    }

    private static Task<Results<Ok<MonitoringCommandResult>, ProblemHttpResult>> ClearAsync(
        string stationId, int monitorId, OperatorCommands commands, CancellationToken cancellationToken) =>
        CommandBody.SendAsync(commands, stationId, new ClearVariableMonitoringRequest { Id = [monitorId] }, (answer, outcome) =>
            new MonitoringCommandResult(JsonSerializer.SerializeToElement(answer, OcppJsonContext.Default.ClearVariableMonitoringResponse), outcome.StoredChanges),
            cancellationToken);
}
