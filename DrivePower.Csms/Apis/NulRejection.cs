using DrivePower.Csms.Apis.Models;

namespace DrivePower.Csms.Apis;

/// <summary>
/// A U+0000 (NUL) in the path or query of an operator API request is a bad value, answered 400
/// before any endpoint sees it: no station id, transaction filter or token holds one, and PostgreSQL
/// could not store or even compare it. (Request bodies are checked where their models are: the
/// command bodies by the OCPP payload validator, the id-token bodies by their validation.)
/// </summary>
internal static class NulRejection
{
    public static IApplicationBuilder UseNulRejection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && (ApiText.HasNul(request.Path.Value) || QueryHasNul(request.Query)))
        {
            await Problems.NulCharacter("The request's path or query").ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    private static bool QueryHasNul(IQueryCollection query)
    {
        foreach (var (key, values) in query)
        {
            if (ApiText.HasNul(key))
                return true;
            foreach (var value in values)
            {
                if (ApiText.HasNul(value))
                    return true;
            }
        }

        return false;
    }
}
