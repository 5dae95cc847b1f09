using DrivePower.Csms.Apis;
using DrivePower.Csms.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.StationFiles;

/// <summary>
/// <c>GET /files/firmware/{id}/{fileName}</c>: where stations download the firmware an UpdateFirmware
/// names. Open to stations (no operator key), like the log uploads; the file name must match the stored one.
/// </summary>
public static class FirmwareDownloadEndpoint
{
    public static IEndpointConventionBuilder MapFirmwareDownloads(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/files/firmware/{id:int}/{fileName}", DownloadAsync).ExcludeFromDescription();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        int id, string fileName, FirmwareFileStore files, CancellationToken cancellationToken) =>
        await files.ReadContentAsync(id, cancellationToken) is { } file && string.Equals(file.FileName, fileName, StringComparison.Ordinal)
            ? TypedResults.File(file.Content, "application/octet-stream", file.FileName)
            : Problems.NotFound("Unknown firmware", "No firmware file is stored at this location.");
}
