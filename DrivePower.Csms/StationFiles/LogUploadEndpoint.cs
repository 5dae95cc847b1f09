using DrivePower.Csms.Apis;
using DrivePower.Csms.Data;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.StationFiles;

/// <summary>
/// <c>POST /files/logs/{token}</c>: where a station uploads the log a GetLog asked for. Open to stations
/// (no operator key): the unguessable token of the request is the permission, spent by the first upload.
/// Takes multipart/form-data with one file part, as stations send it, or the file as the raw body.
/// </summary>
public static class LogUploadEndpoint
{
    // Room for the multipart boundaries and part headers around a file of the maximum size.
    private const long MultipartOverhead = 64 * 1024;

    public static IEndpointConventionBuilder MapLogUploads(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/files/logs/{token}", UploadAsync).DisableAntiforgery().ExcludeFromDescription();

    private static async Task<Results<NoContent, ProblemHttpResult>> UploadAsync(
        string token, HttpRequest http, StationLogStore logs, IOptions<LogUploadOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxUploadBytes;
        if (http.ContentLength > max + MultipartOverhead)
            return TooLarge(max);
        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = max + MultipartOverhead;

        byte[] content;
        string fileName;
        try
        {
            (fileName, content) = http.HasFormContentType ? await ReadFormFileAsync(http, token, cancellationToken) : await ReadRawAsync(http, token, cancellationToken);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(max);
        }

        if (content.Length == 0)
            return Problems.Create(StatusCodes.Status400BadRequest, "Empty upload", "The upload holds no file content.");
        if (content.Length > max)
            return TooLarge(max);
        if (!await logs.StoreUploadAsync(token, fileName, content, time.GetUtcNow(), cancellationToken))
            return Problems.NotFound("Unknown upload location", "No log request waits for an upload at this location (unknown, or already uploaded).");
        return TypedResults.NoContent();
    }

    private static async Task<(string FileName, byte[] Content)> ReadFormFileAsync(HttpRequest http, string token, CancellationToken cancellationToken)
    {
        var form = await http.ReadFormAsync(cancellationToken);
        if (form.Files.Count == 0)
            return (token, []);
        var file = form.Files[0];
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return (string.IsNullOrWhiteSpace(file.FileName) ? $"{token}.log" : Path.GetFileName(file.FileName), buffer.ToArray());
    }

    private static async Task<(string FileName, byte[] Content)> ReadRawAsync(HttpRequest http, string token, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, cancellationToken);
        return ($"{token}.log", buffer.ToArray());
    }

    private static ProblemHttpResult TooLarge(long max) =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, "Upload too large",
            $"The log is larger than the {max / (1024 * 1024)} MB this CSMS takes (Csms:Logs:MaxUploadMegabytes).");
}
