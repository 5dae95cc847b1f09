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

/// <summary>
/// Firmware updates per station (L01/L02): UpdateFirmware for an uploaded file (its location on this CSMS,
/// signed on request) or any location, with a fresh requestId; the updates with every status reported.
/// </summary>
public static class FirmwareUpdatesApi
{
    public static RouteGroupBuilder MapFirmwareUpdatesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stations/{stationId}/firmware-updates").WithTags("Firmware");
        group.MapPost("/", UpdateAsync).WithSummary("UpdateFirmware: the station downloads and installs the firmware; the answer is stored with a fresh requestId.");
        group.MapGet("/", ListAsync).WithSummary("The firmware updates sent, with the station's answer and the history of their statuses.");
        return group;
    }

    private static async Task<Results<Ok<FirmwareUpdateResult>, ProblemHttpResult>> UpdateAsync(
        string stationId, FirmwareUpdateBody body, StationConnections connections, FirmwareFileStore files, FirmwareUpdateStore updates,
        FirmwareSigning signing, StationHttpAddress address, OperatorCommands commands, TimeProvider time, CancellationToken cancellationToken)
    {
        if ((body.FileId is null) == string.IsNullOrWhiteSpace(body.Location))
            return Invalid("Give either fileId (an uploaded file) or location (any URL), not both.");
        if (body.Signed == true && body.FileId is null)
            return Invalid("signed needs fileId: the CSMS signs only the files it holds.");
        if (body.Retries < 0 || body.RetryInterval < 0)
            return Invalid("retries and retryInterval can't be negative.");
        if (connections.Find(stationId) is null)
            return Problems.NotFound("Station not connected", $"Station {OcppText.Quote(stationId)} is not connected: UpdateFirmware can't be sent.");

        FirmwareFileRecord? file = null;
        if (body.FileId is { } fileId && (file = await files.FindAsync(fileId, cancellationToken)) is null)
            return Problems.NotFound("Unknown firmware", $"No firmware file {fileId} is stored.");

        var signed = body.Signed == true;
        var location = file is null ? body.Location!.Trim() : FirmwareApi.DownloadUrl(address, file.Id, file.FileName);
        var requestId = await updates.CreateAsync(stationId, new FirmwareUpdatePlan(file?.Id, location, file?.Version, signed), time.GetUtcNow(), cancellationToken);
        var request = new UpdateFirmwareRequest
        {
            RequestId = requestId,
            Retries = body.Retries,
            RetryInterval = body.RetryInterval,
            Firmware = new Firmware
            {
                Location = location,
                RetrieveDateTime = body.RetrieveDateTime ?? time.GetUtcNow(),
                InstallDateTime = body.InstallDateTime,
                SigningCertificate = signed ? await signing.CertificatePemAsync(cancellationToken) : null,
                Signature = signed ? file!.Signature : null,
            },
        };

        // Through OperatorCommands, so it is published and CommandEffects stores the answer.
        var outcome = await commands.SendAsync(stationId, "UpdateFirmware",
            JsonSerializer.SerializeToElement(request, OcppJsonContext.Default.UpdateFirmwareRequest), cancellationToken);
        if (outcome is not { Status: CommandStatus.Answered, Response: { } payload })
            return CommandsApi.ToProblem(outcome);
        if (outcome.StoreFailure is { } failure)
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "Answered, but not stored", failure);

        var response = payload.Deserialize(OcppJsonContext.Default.UpdateFirmwareResponse)!;
        return TypedResults.Ok(new FirmwareUpdateResult(requestId, response.Status.ToString(), location));
    }

    private static async Task<Ok<List<FirmwareUpdateModel>>> ListAsync(string stationId, FirmwareUpdateStore updates, CancellationToken cancellationToken) =>
        TypedResults.Ok((await updates.ListAsync(stationId, cancellationToken)).Select(update => new FirmwareUpdateModel(
            update.RequestId, update.FirmwareFileId, update.Location, update.Version, update.Signed, update.Answer, update.Status,
            update.RequestedAt, update.UpdatedAt, [.. update.History.Select(entry => new FirmwareStatusModel(entry.Status, entry.At))])).ToList());

    private static ProblemHttpResult Invalid(string detail) =>
        Problems.Create(StatusCodes.Status400BadRequest, "Invalid firmware update", detail);
}
