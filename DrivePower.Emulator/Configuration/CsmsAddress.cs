using N = DrivePower.Emulator.Configuration.EmulatorDefaults.Names;

namespace DrivePower.Emulator.Configuration;

/// <summary>Where the CSMS's OCPP endpoint is, and each station's URL under it.</summary>
public static class CsmsAddress
{
    /// <summary>The path of the CSMS's OCPP endpoint when the address comes from service discovery.</summary>
    public const string OcppPath = "/ocpp";

    /// <summary>
    /// <c>CSMS_URL</c> when set; otherwise the CSMS that Aspire service discovery names
    /// (<c>services:csms:http:0</c>, then <c>https</c>), as ws/wss with <c>/ocpp</c> appended.
    /// Null (with a reason) when neither gives a usable ws:// or wss:// address.
    /// </summary>
    public static Uri? Resolve(EmulatorSettings settings, out string? problem)
    {
        problem = null;
        if (!string.IsNullOrWhiteSpace(settings.CsmsUrl))
        {
            if (Uri.TryCreate(settings.CsmsUrl.Trim(), UriKind.Absolute, out var url) && url.Scheme is "ws" or "wss")
                return url;
            problem = $"{N.CsmsUrl} must be an absolute ws:// or wss:// URL (e.g. ws://localhost:8080/ocpp), got '{settings.CsmsUrl}'";
            return null;
        }

        var discovered = settings.Services?.Csms;
        var candidate = discovered?.Http?.FirstOrDefault(IsSet) ?? discovered?.Https?.FirstOrDefault(IsSet);
        if (candidate is null)
        {
            problem = $"{N.CsmsUrl} is not set, and Aspire service discovery names no CSMS (services__csms__http__0); set {N.CsmsUrl}, e.g. ws://localhost:8080/ocpp";
            return null;
        }

        if (Uri.TryCreate(candidate.Trim(), UriKind.Absolute, out var http) && http.Scheme is "http" or "https")
        {
            var builder = new UriBuilder(http) { Scheme = http.Scheme == "https" ? "wss" : "ws" };
            builder.Path = builder.Path.TrimEnd('/') + OcppPath;
            return builder.Uri;
        }

        problem = $"services:csms:http:0 (service discovery) must be an http:// or https:// URL, got '{candidate}'";
        return null;
    }

    /// <summary><c>{csmsUrl}/{stationId}</c>, the identity percent-encoded (OCPP-J 3.1.1).</summary>
    public static Uri ForStation(Uri csmsUrl, string stationId) =>
        new($"{csmsUrl.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(stationId)}");

    private static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);
}
