using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Negotiations.Infrastructure;

/// <summary>
/// Checks what routing alone cannot before an endpoint runs, and answers with the API's own ProblemDetails: a route id
/// that is not a GUID is a 400 (not a 404 that hides the typo), and a JSON body that cannot be read into the endpoint's
/// request type is a 400 whose <c>errors</c> name the offending member ("source.publishedOn"). The endpoint then reads
/// the same buffered body again.
/// </summary>
public sealed class RequestGuard(RequestDelegate next, IOptions<JsonOptions> json, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var problem = CheckRouteId(context) ?? await CheckJsonBodyAsync(context);
        if (problem is null)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private static Microsoft.AspNetCore.Mvc.ValidationProblemDetails? CheckRouteId(HttpContext context) =>
        context.Request.RouteValues.TryGetValue("id", out var value) && !Guid.TryParse(value as string, out _)
            ? Problems.Validation("id", $"'{value}' is not a deal id: a deal id is a GUID.")
            : null;

    private async Task<Microsoft.AspNetCore.Mvc.ValidationProblemDetails?> CheckJsonBodyAsync(HttpContext context)
    {
        var requestType = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (requestType is null || !HttpMethods.IsPost(context.Request.Method))
        {
            return null;
        }

        context.Request.EnableBuffering();
        try
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, requestType, json.Value.SerializerOptions, context.RequestAborted);
            return body is null ? Problems.Validation("body", "The request body must be a JSON object.") : null;
        }
        catch (JsonException e)
        {
            return ProblemMapping.FromJson(e);
        }
        finally
        {
            context.Request.Body.Position = 0;
        }
    }
}
