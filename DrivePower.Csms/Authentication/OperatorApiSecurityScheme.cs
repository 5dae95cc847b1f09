using DrivePower.Csms.Configuration;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DrivePower.Csms.Authentication;

/// <summary>The OpenAPI document's word on authentication: an API key in the <c>X-Api-Key</c> header.</summary>
internal sealed class OperatorApiSecurityScheme : IOpenApiDocumentTransformer
{
    public const string Name = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = OperatorApiOptions.KeyHeader,
            Description = $"One of the keys in Csms:OperatorApi:Keys, in the {OperatorApiOptions.KeyHeader} header. "
                + "Required when the CSMS listens beyond loopback or Csms:OperatorApi:RequireKey is true; a loopback-only CSMS needs none.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, document)] = [] }];
        return Task.CompletedTask;
    }
}
