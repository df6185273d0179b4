using System.Reflection;
using System.Text.Json;
using JasperFx;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.Extensions.Options;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Negotiations.Infrastructure;

/// <summary>
/// Reads a command's JSON body, once, in place of Wolverine's own reader: a body that cannot be read into the command is
/// a 400 whose <c>errors</c> name the offending member ("source.publishedOn"), which Wolverine's answer does not; a body
/// over <see cref="MaxBodyBytes"/> a 413; a body that is not JSON a 415. The body stays buffered (seekable) because the
/// Idempotency-Key fingerprint reads it again.
/// </summary>
public static class JsonBody
{
    /// <summary>No command needs more: its longest texts and lists fit many times over.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task<(T?, ProblemDetails)> ReadAsync<T>(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return (default, Problem(StatusCodes.Status415UnsupportedMediaType, "body", "The request body must be JSON (Content-Type: application/json)."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (default, TooLarge());
        }

        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        try
        {
            var options = ApiJson.ForReading(context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, options, context.RequestAborted);
            return body is null
                ? (default, Problems.Validation("body", "The request body must be a JSON object."))
                : (body, WolverineContinue.NoProblems);
        }
        catch (JsonException e)
        {
            return (default, ProblemMapping.FromJson(e));
        }
        catch (IOException)
        {
            // The buffer limit was passed by a body sent without Content-Length (or the client went away mid-body).
            return (default, TooLarge());
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static ValidationProblemDetails TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "body", $"The request body must be at most {MaxBodyBytes / 1024} KiB.", "The request body is too large.");

    private static ValidationProblemDetails Problem(int status, string field, string message, string? title = null)
    {
        var problem = Problems.Validation(field, message);
        problem.Status = status;
        problem.Title = title ?? problem.Title;
        return problem;
    }

    /// <summary>Endpoint metadata: the endpoint reads this command type as its JSON body (see <see cref="DescribeAsync"/>).</summary>
    public sealed record CommandBody(Type Type);

    /// <summary>
    /// An OpenAPI operation transformer: Wolverine describes a request body only when its own reader reads it, so the
    /// body this reader reads is described here, from the same type, as required JSON.
    /// </summary>
    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<CommandBody>().FirstOrDefault() is { } body && operation.RequestBody is null)
        {
            var schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        }
    }

    /// <summary>
    /// The Wolverine parameter strategy that puts <see cref="ReadAsync{T}"/> in the generated endpoint code: it takes the
    /// first parameter of a POST endpoint when it is a type of this application (the command), as Wolverine's own JSON
    /// body strategy would, and describes the body in the OpenAPI document.
    /// </summary>
    public sealed class Strategy : IParameterStrategy
    {
        public bool TryMatch(HttpChain chain, IServiceContainer container, ParameterInfo parameter, out Variable? variable)
        {
            variable = null;
            var type = parameter.ParameterType;
            if (!chain.HttpMethods.Contains("POST") || parameter.Member != chain.Method.Method || parameter.Position != 0
                || !type.IsClass || type.Assembly != typeof(JsonBody).Assembly)
            {
                return false;
            }

            var read = new MethodCall(typeof(JsonBody), typeof(JsonBody).GetMethod(nameof(ReadAsync))!.MakeGenericMethod(type));
            chain.Middleware.Add(read);
            if (new ProblemDetailsContinuationPolicy().TryFindContinuationHandler(chain, read, out var stop))
            {
                chain.Middleware.Add(stop!);
            }

            chain.Metadata.Accepts(type, "application/json").WithMetadata(new CommandBody(type));
            variable = read.Creates.First(v => v.VariableType == type);
            return true;
        }
    }
}
