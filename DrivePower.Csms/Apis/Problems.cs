using Microsoft.AspNetCore.Http.HttpResults;

namespace DrivePower.Csms.Apis;

/// <summary>RFC 9457 problem responses the operator API answers with.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    /// <summary>400 for a U+0000 in <paramref name="where"/>; the offending text is not quoted.</summary>
    public static ProblemHttpResult NulCharacter(string where) =>
        TypedResults.Problem($"{where} holds a U+0000 (NUL) character, which no value the API takes may hold.",
            statusCode: StatusCodes.Status400BadRequest, title: "NUL character in the request");

    public static ProblemHttpResult Create(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
}
