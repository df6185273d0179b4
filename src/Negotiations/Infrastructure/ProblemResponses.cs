using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Negotiations.Infrastructure;

/// <summary>How every middleware and handler writes a ProblemDetails answer: one way, whatever the client accepts.</summary>
public static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    /// <summary>ASP.NET's problem details, with the fallback writer below behind its own (which writes only for a JSON <c>Accept</c>).</summary>
    public static void Add(IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddSingleton<IProblemDetailsWriter, AnyAcceptWriter>();
    }

    /// <summary>The problem, with the answer's status taken from it.</summary>
    public static ValueTask WriteProblemAsync(this HttpContext context, ProblemDetails problem, Exception? exception = null)
    {
        context.Response.StatusCode = problem.Status ?? context.Response.StatusCode;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// Writes the problem as JSON when the request's <c>Accept</c> names no JSON (<c>text/html</c>, <c>text/csv</c>): ASP.NET's
    /// own writer then declines, and a refusal would become a 500 (middleware) or an empty text/plain answer (endpoints).
    /// </summary>
    private sealed class AnyAcceptWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            var problem = context.ProblemDetails;
            problem.Status ??= context.HttpContext.Response.StatusCode;
            problem.Extensions.TryAdd("traceId", ProblemMapping.TraceId(context.HttpContext));
            return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync<object>(problem, json.Value.SerializerOptions, ContentType));
        }
    }
}
