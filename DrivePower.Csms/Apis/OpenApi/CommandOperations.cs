using System.Text.Json.Nodes;
using DrivePower.Csms.Commands;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DrivePower.Csms.Apis.OpenApi;

/// <summary>
/// Gives each command's operation (<c>POST /api/stations/{stationId}/commands/Reset</c>, ...) its typed
/// request body and 200 response: the action's request and response schemas from the catalogue, and its
/// minimal valid request as the example (what the API page pre-fills).
/// </summary>
internal sealed class CommandOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<CommandInfo>().FirstOrDefault() is not { } command)
            return Task.CompletedTask;

        operation.OperationId = $"Send{command.Action}";
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = $"The {command.Action} request payload (OCPP 2.0.1); checked against this schema before anything is sent.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = JsonSchemaToOpenApi.Convert(command.RequestSchema),
                    // A named example, not "example": the writer leaves out an empty object, and {} is ClearCache's whole request.
                    Examples = new Dictionary<string, IOpenApiExample>
                    {
                        ["minimal"] = new OpenApiExample
                        {
                            Summary = "The smallest valid request",
                            Value = JsonNode.Parse(command.ExampleRequest.GetRawText()),
                        },
                    },
                },
            },
        };
        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = $"The station's {command.Action} response payload.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = JsonSchemaToOpenApi.Convert(command.ResponseSchema) },
            },
        };
        Describe(operation, "400", "Unknown action (the problem's allowed lists the commands), or a body that is not JSON or breaks the schema (violations): nothing was sent.");
        Describe(operation, "404", "The station is not connected: nothing was sent.");
        Describe(operation, "502", "The station answered with a CALLERROR (errorCode, errorDescription, errorDetails), or with a response that breaks the schema (violations).");
        Describe(operation, "503", "The station's connection closed before it answered.");
        Describe(operation, "504", "No answer within Csms:CallTimeoutSeconds, or the CALL could not be sent in time (the station stopped reading; its connection is closed).");
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.TryGetValue(status, out var response) && response is OpenApiResponse editable)
            editable.Description = description;
    }
}
