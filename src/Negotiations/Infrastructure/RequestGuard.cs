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
    /// <summary>No command needs more: its longest texts and lists fit many times over.</summary>
    public const int MaxBodyBytes = 256 * 1024;

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

    private static Microsoft.AspNetCore.Mvc.ValidationProblemDetails TooLarge()
    {
        var problem = Problems.Validation("body", $"The request body must be at most {MaxBodyBytes / 1024} KiB.");
        problem.Status = StatusCodes.Status413PayloadTooLarge;
        problem.Title = "The request body is too large.";
        return problem;
    }

    /// <summary>The route's id, when the module that owns the route says what it identifies (<see cref="RouteIdMetadata"/>).</summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails? CheckRouteId(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RouteIdMetadata>() is { } routeId && context.Request.RouteValues.TryGetValue("id", out var value)
            ? routeId.Check(value)
            : null;

    private async Task<Microsoft.AspNetCore.Mvc.ValidationProblemDetails?> CheckJsonBodyAsync(HttpContext context)
    {
        var requestType = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (requestType is null || !HttpMethods.IsPost(context.Request.Method))
        {
            return null;
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        context.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        try
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, requestType, json.Value.SerializerOptions, context.RequestAborted);
            return body is null ? Problems.Validation("body", "The request body must be a JSON object.") : null;
        }
        catch (JsonException e)
        {
            return ProblemMapping.FromJson(e);
        }
        catch (IOException)
        {
            // The buffer limit was passed by a body sent without Content-Length (or the client went away mid-body).
            return TooLarge();
        }
        finally
        {
            context.Request.Body.Position = 0;
        }
    }
}
