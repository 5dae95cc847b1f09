using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using DrivePower.Csms.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DrivePower.Csms.Authentication;

/// <summary>
/// The operator API's authentication: the <c>X-Api-Key</c> header must hold one of the configured keys
/// (compared in constant time). Without a key, or with a wrong one, the answer is a 401 problem.
/// When no key is required (a loopback-only CSMS) every request is let in.
/// </summary>
public sealed class OperatorApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    OperatorApiAccess access,
    IProblemDetailsService problemDetails) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "OperatorApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!access.KeyRequired)
            return Task.FromResult(Success("operator (no key required)"));
        if (Request.Headers[OperatorApiOptions.KeyHeader] is not [{ Length: > 0 } given])
            return Task.FromResult(AuthenticateResult.NoResult());
        return Task.FromResult(IsConfiguredKey(access.Options.Keys, given) ? Success("operator") : AuthenticateResult.Fail("wrong key"));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var authenticated = await HandleAuthenticateOnceSafeAsync();
        var detail = (authenticated.Failure, access.Options.Keys.Count) switch
        {
            (_, 0) => "The operator API needs a key but the CSMS has none configured: set Csms:OperatorApi:Keys:0 (Csms__OperatorApi__Keys__0).",
            (null, _) => $"Send an operator API key in the {OperatorApiOptions.KeyHeader} header (curl -H '{OperatorApiOptions.KeyHeader}: <key>').",
            _ => $"The key in the {OperatorApiOptions.KeyHeader} header is not one of the configured keys.",
        };
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{OperatorApiOptions.KeyHeader}\"";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Operator API key required", Detail = detail },
        });
    }

    /// <summary>Whether <paramref name="given"/> is one of <paramref name="keys"/>; the console's sign-in checks keys the same way.</summary>
    internal static bool IsConfiguredKey(IEnumerable<string> keys, string given)
    {
        // Hashing first makes every comparison the same length; every key is compared, matched or not.
        var givenHash = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        var matched = false;
        foreach (var key in keys)
            matched |= CryptographicOperations.FixedTimeEquals(givenHash, SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));
        return matched;
    }

    private AuthenticateResult Success(string name) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName)), SchemeName));
}
