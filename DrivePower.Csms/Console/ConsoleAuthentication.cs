using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using DrivePower.Csms.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace DrivePower.Csms.WebConsole;

/// <summary>
/// The console is protected like the operator API: open when no operator key is required (a loopback-only
/// CSMS), otherwise a browser signs in once with an operator key and then carries a cookie. The cookie
/// names the key only by a hash, and stops working when that key is no longer configured.
/// </summary>
public static class ConsoleAuthentication
{
    public const string PolicyName = "Console";
    public const string SchemeName = "ConsoleCookie";
    public const string SignInPath = "/sign-in";
    public const string SignOutPath = "/sign-out";
    private const string KeyHashClaim = "drivepower:key-sha256";

    public static IHostApplicationBuilder AddConsoleAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication().AddCookie(SchemeName, options =>
        {
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = SignInPath;
            options.Cookie.Name = "DrivePower.Console";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = RejectRemovedKeysAsync;
        });
        builder.Services.AddSingleton<IAuthorizationHandler, ConsoleAccessHandler>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy
            .AddAuthenticationSchemes(SchemeName)
            .AddRequirements(new ConsoleAccessRequirement()));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>The principal a sign-in with <paramref name="key"/> gets, or null when it is not a configured key.</summary>
    public static ClaimsPrincipal? PrincipalFor(OperatorApiAccess access, string? key)
    {
        if (string.IsNullOrWhiteSpace(key) || !OperatorApiKeyHandler.IsConfiguredKey(access.Options.Keys, key.Trim()))
            return null;
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "operator"), new Claim(KeyHashClaim, Hash(key.Trim()))], SchemeName));
    }

    public static IEndpointConventionBuilder MapConsoleSignOut(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(SignOutPath, async (HttpContext context) =>
        {
            await context.SignOutAsync(SchemeName);
            return TypedResults.LocalRedirect(SignInPath);
        }).ExcludeFromDescription();

    private static async Task RejectRemovedKeysAsync(CookieValidatePrincipalContext context)
    {
        var access = context.HttpContext.RequestServices.GetRequiredService<OperatorApiAccess>();
        var hash = context.Principal?.FindFirstValue(KeyHashClaim);
        if (hash is null || !access.Options.Keys.Any(key => Hash(key.Trim()) == hash))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SchemeName);
        }
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private sealed class ConsoleAccessRequirement : IAuthorizationRequirement;

    /// <summary>Lets everyone in when no key is required, else whoever signed in with a key.</summary>
    private sealed class ConsoleAccessHandler(OperatorApiAccess access) : AuthorizationHandler<ConsoleAccessRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ConsoleAccessRequirement requirement)
        {
            if (!access.KeyRequired || context.User.Identities.Any(identity => identity.IsAuthenticated && identity.AuthenticationType == SchemeName))
                context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}
