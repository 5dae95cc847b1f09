using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>RFC 9457 problem responses the operator API answers with.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    public static ProblemHttpResult Create(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
}
