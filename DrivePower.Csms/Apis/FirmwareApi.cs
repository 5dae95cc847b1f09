using System.Security.Cryptography;
using DrivePower.Csms.Apis.Models;
using DrivePower.Csms.Data;
using DrivePower.Csms.StationFiles;
using DrivePower.Emulator.Firmware;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Apis;

/// <summary>Firmware files (L01): upload (multipart, signed by the CSMS on arrival), list, delete; the signing certificate.</summary>
public static class FirmwareApi
{
    // Room for the multipart boundaries and part headers around a file of the maximum size.
    private const long MultipartOverhead = 64 * 1024;

    public static RouteGroupBuilder MapFirmwareApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/firmware").WithTags("Firmware");
        group.MapPost("/", UploadAsync).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Uploads a firmware file (multipart/form-data, one file part); stored with its SHA-256, version and signature.");
        group.MapGet("/", ListAsync).WithSummary("The uploaded firmware files.");
        group.MapDelete("/{id:int}", DeleteAsync).WithSummary("Removes a firmware file; updates that sent it keep their location.");
        group.MapGet("/signing-certificate", CertificateAsync).WithSummary("The certificate (PEM) firmware is signed with.");
        return group;
    }

    private static async Task<Results<Created<FirmwareFileModel>, ProblemHttpResult>> UploadAsync(
        HttpRequest http, FirmwareFileStore files, FirmwareSigning signing, StationHttpAddress address, IOptions<FirmwareOptions> options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxUploadBytes;
        if (http.ContentLength > max + MultipartOverhead)
            return TooLarge(max);
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = max + MultipartOverhead;
        if (!http.HasFormContentType)
            return Problems.Create(StatusCodes.Status400BadRequest, "Not a form", "Send the firmware as multipart/form-data with one file part.");

        IFormFile? file;
        try
        {
            var form = await http.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max + MultipartOverhead }, cancellationToken);
            file = form.Files.Count > 0 ? form.Files[0] : null;
        }
        catch (Exception tooLarge) when (tooLarge is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            or InvalidDataException) // the form reader's own limit
        {
            return TooLarge(max);
        }

        if (file is null || file.Length == 0)
            return Problems.Create(StatusCodes.Status400BadRequest, "Empty upload", "The upload holds no file content.");
        if (file.Length > max)
            return TooLarge(max);
        var fileName = Path.GetFileName(file.FileName);
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 255)
            return Problems.Create(StatusCodes.Status400BadRequest, "Invalid file name", "The file part needs a file name of 1 to 255 characters.");

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var version = FirmwareImage.Version(content);
        var signature = await signing.SignAsync(content, cancellationToken);
        var uploadedAt = time.GetUtcNow();
        var id = await files.AddAsync(fileName, content, sha256, version, signature, uploadedAt, cancellationToken);
        var model = ToModel(new FirmwareFileRecord(id, fileName, content.Length, sha256, version, signature, uploadedAt), address);
        return TypedResults.Created($"/api/firmware/{id}", model);
    }

    private static async Task<Ok<List<FirmwareFileModel>>> ListAsync(FirmwareFileStore files, StationHttpAddress address, CancellationToken cancellationToken) =>
        TypedResults.Ok((await files.ListAsync(cancellationToken)).Select(file => ToModel(file, address)).ToList());

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(int id, FirmwareFileStore files, CancellationToken cancellationToken) =>
        await files.DeleteAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("Unknown firmware", $"No firmware file {id} is stored.");

    private static async Task<ContentHttpResult> CertificateAsync(FirmwareSigning signing, CancellationToken cancellationToken) =>
        TypedResults.Text(await signing.CertificatePemAsync(cancellationToken), "application/x-pem-file");

    /// <summary>The URL stations download the file from.</summary>
    public static string DownloadUrl(StationHttpAddress address, int id, string fileName) =>
        address.For($"/files/firmware/{id}/{Uri.EscapeDataString(fileName)}").AbsoluteUri;

    private static FirmwareFileModel ToModel(FirmwareFileRecord file, StationHttpAddress address) => new(
        file.Id, file.FileName, file.SizeBytes, file.Sha256, file.Version, file.Signature, DownloadUrl(address, file.Id, file.FileName), file.UploadedAt);

    private static ProblemHttpResult TooLarge(long max) =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, "Upload too large",
            $"The firmware is larger than the {max / (1024 * 1024)} MB this CSMS takes (Csms:Firmware:MaxUploadMegabytes).");
}
