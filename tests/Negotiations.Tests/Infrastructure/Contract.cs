extern alias JsonSchemaNet;

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using JsonSchemaNet::Json.Schema;
using Microsoft.AspNetCore.Routing;

namespace Negotiations.Tests.Infrastructure;

/// <summary>
/// The contract test: every answer an API test receives through Alba is checked against the service's own OpenAPI
/// document — its status code listed for the operation, its body valid against the schema listed for its media type,
/// and each of the API's own headers listed. A disagreement fails the test that got the answer.
/// </summary>
public sealed class Contract
{
    private static readonly Uri DocumentUri = new("https://negotiations.test/openapi/v1.json");

    /// <summary>The headers the API sets itself, which the document must list where they are sent.</summary>
    private static readonly string[] OwnHeaders = ["ETag", "Location", "Retry-After", "X-Next-From-Version", "Link", "X-Correlation-Id", "WWW-Authenticate"];

    private readonly JsonElement _document;
    private readonly BuildOptions _build;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();
    private int _built;

    public Contract(string document)
    {
        _document = JsonDocument.Parse(document).RootElement.Clone();
        _build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        _build.SchemaRegistry.Register(DocumentUri, new JsonElementBaseDocument(_document, DocumentUri));
    }

    /// <summary>How many answers were checked: the contract test is only as good as what the API tests send.</summary>
    private static int _checked;

    public static int Checked => _checked;

    /// <summary>The operations answers were checked for ("get /api/deals/{id}").</summary>
    public static readonly ConcurrentDictionary<string, int> Operations = new();

    /// <summary>
    /// Outermost middleware of every test host: holds the answer's body back, checks the answer once the pipeline is done,
    /// and throws (failing the test's request) when it disagrees with the document; else sends it on.
    /// </summary>
    public sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextStep) =>
            {
                // A stream of Server-Sent Events never ends by itself: it cannot be buffered and checked whole.
                if (ApiFixture.Contract is not { } contract || context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
                {
                    await nextStep(context);
                    return;
                }

                var original = context.Response.Body;
                await using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                try
                {
                    await nextStep(context);
                    await contract.CheckAsync(context);
                }
                finally
                {
                    context.Response.Body = original;
                }

                buffer.Position = 0;
                await buffer.CopyToAsync(original);
            });
            next(app);
        };
    }

    /// <summary>Checks one answer (its body in a seekable stream); throws when it disagrees with the document.</summary>
    public async Task CheckAsync(HttpContext? context)
    {
        if (context?.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: { } pattern } || HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var route = "/" + pattern.TrimStart('/');
        var method = context.Request.Method.ToLowerInvariant();
        if (!_document.GetProperty("paths").TryGetProperty(route, out var path) || !path.TryGetProperty(method, out var operation))
        {
            return;
        }

        var body = "";
        if (context.Response.Body is { CanSeek: true } stream)
        {
            stream.Position = 0;
            body = await new StreamReader(stream, Encoding.UTF8, leaveOpen: true).ReadToEndAsync();
            stream.Position = 0;
        }

        var violation = Violation($"{method.ToUpperInvariant()} {route}", operation, context.Response.StatusCode, context.Response.ContentType, body, context.Response.Headers);
        Interlocked.Increment(ref _checked);
        Operations.AddOrUpdate($"{method} {route}", 1, (_, n) => n + 1);
        if (violation is not null)
        {
            throw new InvalidOperationException($"Contract: {violation}");
        }
    }

    private string? Violation(string operationName, JsonElement operation, int status, string? contentType, string body, IHeaderDictionary headers)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.GetProperty("responses").TryGetProperty(code, out var response))
        {
            return $"{operationName} answered {code}, which the document does not list.";
        }

        if (body.Length > 0)
        {
            var mediaType = contentType?.Split(';')[0].Trim() ?? "";
            if (!response.TryGetProperty("content", out var content) || !content.TryGetProperty(mediaType, out var media))
            {
                return $"{operationName} answered {code} as '{mediaType}', which the document does not list for it.";
            }

            if (mediaType.EndsWith("json", StringComparison.Ordinal) && media.TryGetProperty("schema", out var schema))
            {
                var results = SchemaOf(schema).Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
                if (!results.IsValid)
                {
                    var all = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                        .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")).ToList();
                    // A nullable member's null branch always "fails" for a value: show the other errors first.
                    var errors = all.Where(e => !e.Contains("/oneOf/0)", StringComparison.Ordinal)).DefaultIfEmpty(all.FirstOrDefault() ?? "").Take(12);
                    return $"{operationName} answered {code} with a body its schema refuses: {string.Join("; ", errors)}\n{body[..Math.Min(body.Length, 2000)]}";
                }
            }
        }

        var listed = response.TryGetProperty("headers", out var documented) ? documented.EnumerateObject().Select(h => h.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) : [];
        var unlisted = OwnHeaders.Where(h => headers.ContainsKey(h) && !listed.Contains(h)).ToList();
        return unlisted.Count > 0 ? $"{operationName} answered {code} with header(s) {string.Join(", ", unlisted)}, which the document does not list." : null;
    }

    /// <summary>The schema, with its references made absolute into the document so that they resolve there.</summary>
    private JsonSchema SchemaOf(JsonElement schema)
    {
        var text = schema.GetRawText().Replace("\"#/components/", $"\"{DocumentUri}#/components/", StringComparison.Ordinal);
        return _schemas.GetOrAdd(text, t => JsonSchema.FromText(t, _build, new Uri($"https://negotiations.test/answers/{Interlocked.Increment(ref _built)}")));
    }
}
