using DrivePower.Csms.Configuration;
using Microsoft.AspNetCore.Authentication;

namespace DrivePower.Csms.Authentication;

/// <summary>
/// Registers the operator API's key authentication on ASP.NET Core's authentication and authorization.
/// It is no default scheme: only endpoints that require <see cref="PolicyName"/> use it, so
/// <c>/ocpp</c> (station authentication of its own), <c>/health</c>, <c>/alive</c> and the OpenAPI document stay open.
/// </summary>
public static class OperatorApiAuthentication
{
    public const string PolicyName = "Operator";

    public static IHostApplicationBuilder AddOperatorApiAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCheckedSettings<OperatorApiOptions>(OperatorApiOptions.SectionName);
        builder.Services.AddSingleton<OperatorApiAccess>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OperatorApiKeyHandler>(OperatorApiKeyHandler.SchemeName, configureOptions: null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PolicyName, policy => policy.AddAuthenticationSchemes(OperatorApiKeyHandler.SchemeName).RequireAuthenticatedUser());
        return builder;
    }
}
