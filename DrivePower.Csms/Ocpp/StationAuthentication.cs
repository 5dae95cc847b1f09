using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DrivePower.Csms.Authentication;
using DrivePower.Csms.Configuration;
using DrivePower.Ocpp.Connections;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Ocpp;

/// <summary>Why a station may not connect, and the HTTP answer it gets (401, or 429 while locked out).</summary>
public sealed record StationRefusal(string Reason, IResult Result);

/// <summary>
/// Security profile 1: HTTP Basic auth on the WebSocket upgrade, user = station id, password
/// 16-40 characters and matching the one configured for the station (a salted hash or plain text,
/// see <see cref="StationPasswordHash"/>). Failed guesses are throttled per station id and per client
/// address (<see cref="StationLoginThrottle"/>). Profile 2: the same, over TLS only. Profile 3: TLS
/// with a client certificate (issuer checked by Kestrel) whose subject CN is the station id.
/// Profile 0 lets every station in.
/// </summary>
public sealed class StationAuthentication(IOptions<CsmsOptions> options, StationLoginThrottle throttle)
{
    /// <summary>Null when the station may connect, else the refusal to answer with.</summary>
    public StationRefusal? Refusal(HttpContext context, string stationId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var profile = options.Value.SecurityProfile;
        if (profile == 0)
            return null;
        if (profile >= 2 && !context.Request.IsHttps)
            return TlsRequired(profile);
        if (profile == 3)
            return CertificateProblem(context.Connection.ClientCertificate, stationId) is { } certificateProblem ? Unauthorized(context, certificateProblem) : null;

        if (!TryReadBasic(context.Request.Headers.Authorization, out var user, out var password))
            return Unauthorized(context, "Security profile 1: send HTTP Basic auth with the station id as user name.");

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!throttle.TryBegin(stationId, address, out var retryAfter))
            return TooManyFailures(context, retryAfter);

        var problem = Problem(stationId, user, password);
        if (problem is null)
            throttle.Succeeded(stationId, address);
        return problem is null ? null : Unauthorized(context, problem);
    }

    private string? Problem(string stationId, string user, string password)
    {
        if (!string.Equals(user, stationId, StringComparison.Ordinal))
            return "The Basic-auth user name must be the station id.";
        if (!StationPassword.HasValidLength(password))
            return $"The password must be {StationPassword.LengthRule} long.";

        var expected = options.Value.StationPasswords.GetValueOrDefault(stationId) ?? options.Value.DefaultStationPassword;
        return expected is not null && StationPasswordHash.Matches(expected, password) ? null : "Wrong station id or password.";
    }

    private static string? CertificateProblem(X509Certificate2? certificate, string stationId)
    {
        if (certificate is null)
            return "Security profile 3: present a client certificate issued by the station CA.";
        return string.Equals(StationCertificates.CommonName(certificate), stationId, StringComparison.Ordinal)
            ? null
            : "The client certificate's subject CN is not the station id.";
    }

    private static StationRefusal TlsRequired(int profile)
    {
        var reason = $"Security profile {profile} needs TLS: connect with wss:// to the CSMS's HTTPS endpoint.";
        return new StationRefusal(reason, TypedResults.Problem(reason, statusCode: StatusCodes.Status400BadRequest, title: "TLS required"));
    }

    private static StationRefusal Unauthorized(HttpContext context, string reason)
    {
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"OCPP\"";
        return new StationRefusal(reason, TypedResults.Problem(reason, statusCode: StatusCodes.Status401Unauthorized, title: "Station not authenticated"));
    }

    private static StationRefusal TooManyFailures(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var reason = $"Too many failed logins for this station id or from this address: retry after {seconds} s.";
        return new StationRefusal(reason, TypedResults.Problem(reason, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed logins"));
    }

    private static bool TryReadBasic(string? header, out string user, out string password)
    {
        (user, password) = ("", "");
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                return false;
            (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
