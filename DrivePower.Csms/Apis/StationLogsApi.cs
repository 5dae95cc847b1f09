using System.Security.Cryptography;
using System.Text.Json;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Commands;
using DrivePower.Csms.Data;
using DrivePower.Csms.StationFiles;
using DrivePower.Csms.Stations;
using DrivePower.Ocpp.Frames;
using DrivePower.Ocpp.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>Station logs (N01): GetLog with an upload location on this CSMS, the requests with their status, the uploaded files.</summary>
public static class StationLogsApi
{
    public static RouteGroupBuilder MapStationLogsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stations/{stationId}/logs").WithTags("Diagnostics");
        group.MapPost("/", RequestAsync).WithSummary("GetLog: the station uploads the log to this CSMS; the answer is stored with a fresh requestId.");
        group.MapGet("/", ListAsync).WithSummary("The log requests, with the station's answer, upload status and file size.");
        group.MapGet("/{requestId:int}/file", DownloadAsync).WithSummary("The file the station uploaded for the request.");
        return group;
    }

    private static async Task<Results<Ok<LogRequestResult>, ProblemHttpResult>> RequestAsync(
        string stationId, LogRequestBody body, StationConnections connections, StationLogStore logs, StationHttpAddress address,
        OperatorCommands commands, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<LogType>(body.LogType, ignoreCase: false, out var logType) || !Enum.IsDefined(logType))
            return Problems.Create(StatusCodes.Status400BadRequest, "Invalid log type",
                $"logType must be DiagnosticsLog or SecurityLog (exact case), got {(body.LogType is null ? "none" : OcppText.Quote(body.LogType))}.");
        if (body.Retries < 0 || body.RetryInterval < 0)
            return Problems.Create(StatusCodes.Status400BadRequest, "Invalid retries", "retries and retryInterval can't be negative.");
        if (connections.Find(stationId) is null)
            return Problems.NotFound("Station not connected", $"Station {OcppText.Quote(stationId)} is not connected: GetLog can't be sent.");

        // 32 random bytes: the token is the only thing that lets a station post a file.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var requestId = await logs.CreateAsync(stationId, logType.ToString(), token, time.GetUtcNow(), cancellationToken);
        var request = new GetLogRequest
        {
            LogType = logType,
            RequestId = requestId,
            Retries = body.Retries,
            RetryInterval = body.RetryInterval,
            Log = new LogParameters
            {
                RemoteLocation = address.For($"/files/logs/{token}").AbsoluteUri,
                OldestTimestamp = body.OldestTimestamp,
                LatestTimestamp = body.LatestTimestamp,
            },
        };
        var outcome = await commands.SendAsync(stationId, "GetLog",
            JsonSerializer.SerializeToElement(request, OcppJsonContext.Default.GetLogRequest), cancellationToken);
        if (outcome is not { Status: CommandStatus.Answered, Response: { } payload })
            return CommandsApi.ToProblem(outcome);

        var response = payload.Deserialize(OcppJsonContext.Default.GetLogResponse)!;
        await logs.RecordAnswerAsync(stationId, requestId, response.Status.ToString(), response.Filename, cancellationToken);
        return TypedResults.Ok(new LogRequestResult(requestId, response.Status.ToString(), response.Filename));
    }

    private static async Task<Ok<List<StationLogModel>>> ListAsync(string stationId, StationLogStore logs, CancellationToken cancellationToken) =>
        TypedResults.Ok((await logs.ListAsync(stationId, cancellationToken)).Select(log => new StationLogModel(
            log.RequestId, log.LogType, log.Answer, log.Status, log.FileName, log.SizeBytes, log.RequestedAt, log.UploadedAt)).ToList());

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string stationId, int requestId, StationLogStore logs, CancellationToken cancellationToken) =>
        await logs.FindFileAsync(stationId, requestId, cancellationToken) is { } file
            ? TypedResults.File(file.Content, "application/octet-stream", file.FileName)
            : Problems.NotFound("No uploaded log", $"Station {OcppText.Quote(stationId)} has uploaded no file for log request {requestId}.");
}
