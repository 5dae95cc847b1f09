using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DrivePower.Csms.Apis.OpenApi;

/// <summary>
/// The statuses every operator API operation can answer besides its own, documented on each: 400 (a
/// U+0000 in the path or query, refused before any endpoint), 401 (no or a wrong <c>X-Api-Key</c> where a
/// key is required), and, for the operations that read or write the database, 503 (database unreachable,
/// or its schema behind the code) and, for those that write, 409 (a write refused as a conflict).
/// </summary>
internal sealed class OperatorApiResponses : IOpenApiOperationTransformer
{
    /// <summary>The tags of the operations backed by PostgreSQL.</summary>
    private static readonly HashSet<string> DatabaseTags = new(["Stations", "Transactions", "IdTokens", "Journal"], StringComparer.Ordinal);

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
            return;
        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        operation.Responses ??= [];
        Add(operation, "400", "Bad request: a U+0000 (NUL) in the path or query, or a parameter that is not valid.", problem);
        Add(operation, "401", "No X-Api-Key, or not one of Csms:OperatorApi:Keys (only where a key is required).", problem);
        var streams = operation.Responses.TryGetValue("200", out var ok) && ok.Content?.ContainsKey("text/event-stream") == true;
        if (!streams && context.Description.ActionDescriptor.EndpointMetadata.OfType<ITagsMetadata>().SelectMany(tags => tags.Tags).Any(DatabaseTags.Contains))
        {
            Add(operation, "503", "The database is unreachable, or its schema is behind the code (the detail names the missing migration).", problem);
            if (context.Description.HttpMethod is not "GET")
                Add(operation, "409", "The database refused the write as a conflict with what is stored (another change came first); the detail names the constraint.", problem);
        }
    }

    private static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema problem)
    {
        if (operation.Responses!.ContainsKey(status))
            return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
        };
    }
}
