using System.Reflection;
using System.Text.Json;
using JasperFx;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Negotiations.Infrastructure;

/// <summary>
/// Reads a command's JSON body, once, in place of Wolverine's own reader: a body that cannot be read into the command is
/// a 400 whose <c>errors</c> name the offending member ("source.publishedOn"), which Wolverine's answer does not; a body
/// over <see cref="MaxBodyBytes"/> a 413, with or without Content-Length; a body that is not UTF-8 JSON (another charset,
/// a Content-Encoding) a 415; a body that stops coming a 408; one cut short or badly framed a 400. The body stays
/// buffered (seekable) because the Idempotency-Key fingerprint reads it again.
/// </summary>
public static class JsonBody
{
    /// <summary>No command needs more: its longest texts and lists fit many times over.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task<(T?, ProblemDetails)> ReadAsync<T>(HttpContext context)
    {
        var request = context.Request;
        // Media types compare in any letter case (RFC 9110 §8.3.1): APPLICATION/JSON is JSON too.
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            return (default, Unsupported("The request body must be JSON (Content-Type: application/json)."));
        }

        // Read as anything but UTF-8 text, the body would be garbled or, worse, read as something it does not say.
        var charset = mediaType.Charset;
        if (charset.HasValue && !HeaderUtilities.RemoveQuotes(charset).Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return (default, Unsupported($"The request body must be UTF-8 JSON: charset={charset} is not read."));
        }

        if (request.Headers.ContentEncoding.Any(coding => !"identity".Equals(coding?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return (default, Unsupported($"The request body must not be encoded (Content-Encoding: {request.Headers.ContentEncoding}): send plain UTF-8 JSON."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (default, TooLarge());
        }

        // The whole body is read first, counting bytes the same way whether it came with Content-Length or chunked, so
        // that a failure to read it (too slow, cut short, badly framed) is told apart from a body that is too large.
        var buffered = new MemoryStream();
        try
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffered.Length + read > MaxBodyBytes)
                {
                    return (default, TooLarge());
                }

                buffered.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            return (default, Unreadable(e));
        }

        // Seekable from here: the Idempotency-Key fingerprint reads the body again.
        buffered.Position = 0;
        request.Body = buffered;
        context.Response.RegisterForDispose(buffered);
        try
        {
            var options = ApiJson.ForReading(context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
            var body = await JsonSerializer.DeserializeAsync<T>(buffered, options, context.RequestAborted);
            return body is null
                ? (default, Problems.Validation("body", "The request body must be a JSON object."))
                : (body, WolverineContinue.NoProblems);
        }
        catch (JsonException e)
        {
            return (default, ProblemMapping.FromJson(e));
        }
        finally
        {
            buffered.Position = 0;
        }
    }

    /// <summary>
    /// The server could not read the body: 408 when it stopped coming (Kestrel's minimum data rate, 240 bytes a second
    /// after a 5-second grace), 413 past the server's own size limit, 400 when it ended early or was badly framed.
    /// </summary>
    private static ValidationProblemDetails Unreadable(BadHttpRequestException exception) => exception.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => TooLarge(),
        StatusCodes.Status408RequestTimeout => Problem(StatusCodes.Status408RequestTimeout, "body",
            "The request body stopped coming before it was complete: send it at once.", "The request body timed out."),
        _ => Problem(StatusCodes.Status400BadRequest, "body",
            $"The request body could not be read: it ended early or was badly framed ({exception.Message.TrimEnd('.')}).", Problems.InvalidRequestTitle),
    };

    private static ValidationProblemDetails Unsupported(string message) => Problem(StatusCodes.Status415UnsupportedMediaType, "body", message);

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
