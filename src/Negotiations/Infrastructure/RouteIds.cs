using Microsoft.AspNetCore.Mvc;

namespace Negotiations.Infrastructure;

/// <summary>
/// Endpoint metadata, added by the module that owns the route: its <c>{id}</c> is the GUID of a <c>Kind</c>. A malformed
/// id is then a 400 (not a 404 that hides the typo) and the empty GUID, never anyone's id, the module's 404.
/// </summary>
public sealed record RouteIdMetadata(string Kind, Func<Guid, ProblemDetails> NotFound)
{
    public ProblemDetails? Check(object? value) =>
        !Guid.TryParse(value as string, out var id) ? Problems.Validation("id", $"'{value}' is not a {Kind} id: a {Kind} id is a GUID.")
        : id == Guid.Empty ? NotFound(id)
        : null;

    /// <summary>Middleware: answers the check's problem before the endpoint runs (routing has picked the endpoint).</summary>
    public static async Task CheckRouteId(HttpContext context, RequestDelegate next)
    {
        var problem = context.GetEndpoint()?.Metadata.GetMetadata<RouteIdMetadata>() is { } routeId
            && context.Request.RouteValues.TryGetValue("id", out var value)
                ? routeId.Check(value)
                : null;
        if (problem is null)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        await context.WriteProblemAsync(problem);
    }
}
