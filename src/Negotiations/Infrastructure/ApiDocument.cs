using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Negotiations.Infrastructure;

/// <summary>On an endpoint: its query string is bound to this record by <see cref="QueryParameters.Bind{T}"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class QueryRecordAttribute(Type record) : Attribute
{
    public Type Record { get; } = record;
}

/// <summary>
/// The OpenAPI document as the API behaves, where ASP.NET's generator cannot see it: texts typed as strings with their
/// limits (a custom converter hides them), decimals as decimals, the typed query records as parameters, the problem
/// answers every operation can give and the headers it reads and writes, tags by capability.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";

    private static readonly HashSet<string> ShortTexts =
        ["title", "name", "publication", "instrument", "regulator", "jurisdiction", "party", "relays"];

    private static readonly HashSet<string> LongTexts =
        ["summary", "reason", "governance", "commitments", "eventReason", "text", "answer", "statement", "condition", "conditions"];

    public const string DocsRoute = "/docs";

    /// <summary>
    /// The document (<c>/openapi/v1.json</c>), its docs page (Scalar, every asset served by the app: no CDN, no fonts from
    /// elsewhere, no telemetry) and a landing page at <c>/</c> pointing to both: open to anyone in Development, for
    /// callers the security module lets in elsewhere.
    /// </summary>
    public static void Map(WebApplication app)
    {
        IEndpointConventionBuilder[] routes =
        [
            app.MapOpenApi(),
            app.MapScalarApiReference(DocsRoute, options => options
                .WithTitle("Negotiations API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp().HideDeveloperTools()),
            app.MapGet("/", () => Results.Content(Landing, "text/html; charset=utf-8")).ExcludeFromDescription(),
        ];
        foreach (var route in routes.Where(_ => app.Environment.IsDevelopment()))
        {
            route.AllowAnonymous();
        }
    }

    private const string Landing = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Negotiations</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
        <h1>Negotiations</h1>
        <p>An event-sourced tracker of deal negotiations as they are reported.</p>
        <ul>
        <li><a href="/docs">API documentation</a> (interactive)</li>
        <li><a href="/openapi/v1.json">OpenAPI document</a> (generate clients from it)</li>
        <li><a href="/health">Health</a></li>
        </ul>
        </body></html>
        """;

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Negotiations";
            document.Info.Description =
                "An event-sourced tracker of deal negotiations as they are reported: every report with its source, " +
                "corrections and retractions, the status on either time axis, and tamper evidence.";
            document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" };
            // The server the document was asked from, without the trailing slash ASP.NET gives it.
            foreach (var server in document.Servers ?? [])
            {
                server.Url = server.Url?.TrimEnd('/');
            }

            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas["ProblemDetails"] = ProblemSchema();
            // An enum used somewhere as nullable gets null among its values, while each nullable use already says
            // oneOf [null, the enum]: a null would then match both, which oneOf refuses. Null belongs to the uses.
            foreach (var schema in document.Components.Schemas.Values.OfType<OpenApiSchema>().Where(s => s.Enum is not null))
            {
                schema.Enum = [.. schema.Enum!.Where(value => value is not null)];
            }

            document.Tags = new HashSet<OpenApiTag>
            {
                new() { Name = "Deals", Description = "Deal streams: report, propose, revise, agree, review, complete, end; status, history, claims, diff, chart." },
                new() { Name = "Questions", Description = "Questions watchers wait on, and their answers." },
                new() { Name = "Tamper evidence", Description = "The hash chain over every event (Auditor, Admin)." },
                new() { Name = "Service", Description = "Health." },
            };
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer(DescribeSchema);
        options.AddOperationTransformer(JsonBody.DescribeAsync);
        options.AddOperationTransformer(DescribeOperation);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> ShortSummaries = new();

    /// <summary>
    /// Registered after every other transformer, as a document transformer (.NET's XML-comment support rewrites each
    /// operation's summary after the operation transformers): the endpoint's short summary names the operation and its doc
    /// comment explains it; Wolverine's operation id ("GET_api_deals_id") is no description.
    /// </summary>
    public static void Finish(OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (operation.OperationId is { } id
                && context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>()
                    .LastOrDefault(m => !IsOperationId(m.Summary)) is { } named)
            {
                ShortSummaries[id] = named.Summary;
            }

            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            foreach (var operation in (document.Paths ?? []).Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
            {
                if (IsOperationId(operation.Description))
                {
                    operation.Description = null;
                }

                var named = operation.OperationId is { } id && ShortSummaries.TryGetValue(id, out var summary) ? summary : null;
                if (IsOperationId(operation.Summary) || (named is not null && operation.Summary != named))
                {
                    if (!IsOperationId(operation.Summary) && operation.Summary != named)
                    {
                        operation.Description ??= operation.Summary;
                    }

                    operation.Summary = named ?? FirstSentence(operation.Description);
                }
            }

            return Task.CompletedTask;
        });
    }

    private static bool IsOperationId(string? text) => text is not null && text.Contains("_api_", StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal);

    private static string? FirstSentence(string? text) => text?.Split(". ", 2)[0].TrimEnd('.').Replace('\n', ' ');

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var name = context.JsonPropertyInfo?.Name;
        if (type == typeof(string))
        {
            var nullable = context.JsonPropertyInfo is { } property && (property.IsGetNullable || property.IsSetNullable);
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            (schema.MaxLength, schema.Pattern, schema.Format) = name switch
            {
                "currency" => (3, "^[A-Z]{3}$", null),
                "url" when context.JsonPropertyInfo?.DeclaringType.Name == "Source" => (2000, null, "uri"),
                "url" => (schema.MaxLength, null, "uri-reference"),
                _ when ShortTexts.Contains(name ?? "") => (200, null, null),
                _ when LongTexts.Contains(name ?? "") => (4000, null, null),
                _ => (schema.MaxLength, schema.Pattern, schema.Format),
            };
        }
        else if (type == typeof(decimal) || type == typeof(decimal?))
        {
            schema.Format = "decimal";
        }

        return Task.CompletedTask;
    }

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var route = "/" + (context.Description.RelativePath ?? "").TrimEnd('/');
        var method = context.Description.HttpMethod ?? "GET";
        operation.Tags = new HashSet<OpenApiTagReference> { new(TagOf(route), context.Document) };
        // The endpoint's short summary names it; its XML doc comment (which .NET puts in the summary) explains it.
        operation.Responses ??= [];
        var write = method != "GET";
        foreach (var (status, when) in Problems(route, write))
        {
            operation.Responses.TryAdd(status, Problem(when, context.Document, retryAfter: status is "429" or "503"));
        }

        operation.Parameters ??= [];
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryRecordAttribute>().FirstOrDefault() is { } query)
        {
            foreach (var parameter in QueryParametersOf(query.Record))
            {
                operation.Parameters.Add(parameter);
            }
        }

        if (write)
        {
            operation.Parameters.Add(Header("Idempotency-Key", "Repeats of the request with this key get the first answer (24 h); another request under the same key a 422."));
            operation.Parameters.Add(Header(Correlation.CausationHeader, "What led to this command: recorded with its events."));
            operation.Parameters.Add(Header("X-Recorded-By", "Who recorded the write, when the caller has no API key (open Development mode); a key's name wins."));
        }

        if (method == "GET" && route == "/api/deals/{id}")
        {
            operation.Parameters.Add(Header("If-None-Match", "The ETag held: when the deal is still at that version, 304 with no body."));
        }

        operation.Parameters.Add(Header(Correlation.CorrelationHeader,
            "The request's correlation id (else a W3C traceparent's trace id, else a new one): recorded with a write's events and echoed."));
        foreach (var (status, response) in operation.Responses.Select(r => (r.Key, r.Value)).Where(r => r.Value is OpenApiResponse))
        {
            var headers = ((OpenApiResponse)response).Headers ??= new Dictionary<string, IOpenApiHeader>();
            headers.TryAdd(Correlation.CorrelationHeader, new OpenApiHeader { Description = "The request's correlation id.", Schema = Text() });
            foreach (var (name, description) in HeadersOf(method, route, status))
            {
                headers.TryAdd(name, new OpenApiHeader { Description = description, Schema = Text() });
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The answer headers the API sets on this operation's answers with this status.</summary>
    private static IEnumerable<(string Name, string Description)> HeadersOf(string method, string route, string status)
    {
        if (status == "401")
        {
            yield return ("WWW-Authenticate", "How to authenticate: `ApiKey header=\"X-Api-Key\"`.");
        }

        if (method == "POST" && status == "201")
        {
            yield return ("Location", "The new resource.");
        }

        if (method == "GET" && status is "200" or "304" && route == "/api/deals/{id}")
        {
            yield return ("ETag", "The version the answer reflects, quoted.");
        }

        if (method == "GET" && status == "200" && route.EndsWith("/history", StringComparison.Ordinal))
        {
            yield return ("X-Next-From-Version", "Where the next page starts (absent on the last page).");
            yield return ("Link", "The next page, `rel=\"next\"`.");
        }
    }

    /// <summary>Tags by capability, from the route.</summary>
    private static string TagOf(string route) => route switch
    {
        _ when route.StartsWith("/api/questions", StringComparison.Ordinal) || route.EndsWith("/questions", StringComparison.Ordinal)
            || route.EndsWith("/answers", StringComparison.Ordinal) => "Questions",
        _ when route.EndsWith("/verify", StringComparison.Ordinal) || route.StartsWith("/api/chain-heads", StringComparison.Ordinal) => "Tamper evidence",
        _ when route.StartsWith("/api/deals", StringComparison.Ordinal) => "Deals",
        _ => "Service",
    };

    /// <summary>The problem answers an operation can give, with when.</summary>
    private static IEnumerable<(string Status, string When)> Problems(string route, bool write)
    {
        if (!route.StartsWith("/api/", StringComparison.Ordinal))
        {
            yield break;
        }

        yield return ("400", "The request is invalid: `errors` names each bad member or parameter.");
        yield return ("401", "No valid API key (`X-Api-Key: <key>` or `Authorization: ApiKey <key>`).");
        yield return ("403", "The key's role may not do this.");
        if (route.Contains("{id}", StringComparison.Ordinal))
        {
            yield return ("404", "No deal with this id (or nothing known at the point asked for).");
        }

        if (write)
        {
            yield return ("409", "A stale `expectedVersion` (with `currentVersion`), a lost race, or a write the deal's state refuses.");
            yield return ("408", "The body stopped coming before it was whole.");
            yield return ("413", "The body is over 256 KiB.");
            yield return ("415", "The body is not JSON.");
            yield return ("422", "The `Idempotency-Key` was used for a different request.");
            yield return ("429", "Past the key's write limit; retry after `Retry-After` seconds.");
        }

        yield return ("500", "An unexpected error; `traceId` is in the server log.");
        yield return ("503", "PostgreSQL is unreachable (or the deal's audit chain is damaged); retry after `Retry-After` seconds.");
    }

    private static OpenApiResponse Problem(string description, OpenApiDocument? document, bool retryAfter) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
        },
        Headers = retryAfter
            ? new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } } }
            : null,
    };

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details, as every error answer of the API.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text(nullable: true),
            ["title"] = Text(nullable: true),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null },
            ["detail"] = Text(nullable: true),
            ["instance"] = Text(nullable: true),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For 400s: the messages for each bad member (by its JSON path) or parameter.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text() },
            },
            ["currentVersion"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "For 409s: the deal's version now." },
            ["traceId"] = Text(),
        },
    };

    private static OpenApiSchema Text(bool nullable = false) => new() { Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String };

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Correlation.MaxLength },
    };

    /// <summary>One parameter per constructor parameter of a query record, as <see cref="QueryParameters"/> binds it.</summary>
    private static IEnumerable<OpenApiParameter> QueryParametersOf(Type record)
    {
        foreach (var parameter in record.GetConstructors().Single().GetParameters())
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            var schema = new OpenApiSchema();
            if (type == typeof(int) || type == typeof(long))
            {
                schema.Type = JsonSchemaType.Integer;
                schema.Format = type == typeof(int) ? "int32" : "int64";
                if (parameter.GetCustomAttribute<RangeAttribute>() is { } range)
                {
                    schema.Minimum = Convert.ToString(range.Minimum, CultureInfo.InvariantCulture);
                    schema.Maximum = Convert.ToString(range.Maximum, CultureInfo.InvariantCulture);
                }
            }
            else if (type == typeof(DateOnly))
            {
                (schema.Type, schema.Format) = (JsonSchemaType.String, "date");
            }
            else if (type == typeof(DateTimeOffset))
            {
                (schema.Type, schema.Format) = (JsonSchemaType.String, "date-time");
            }
            else if (type.IsEnum)
            {
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(n))];
            }
            else
            {
                schema.Type = JsonSchemaType.String;
                if (parameter.GetCustomAttribute<AllowedValuesAttribute>() is { } allowed)
                {
                    schema.Enum = [.. allowed.Values.Select(v => (JsonNode)JsonValue.Create($"{v}"))];
                }

                if (type.GetField("Expected", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is string expected)
                {
                    schema.Description = $"{char.ToUpperInvariant(expected[0])}{expected[1..]}.";
                }
            }

            if (parameter.HasDefaultValue && parameter.DefaultValue is { } value)
            {
                schema.Default = JsonSerializer.SerializeToNode(value is Enum ? value.ToString() : value);
            }

            yield return new OpenApiParameter
            {
                Name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!),
                In = ParameterLocation.Query,
                Required = !parameter.HasDefaultValue && Nullable.GetUnderlyingType(parameter.ParameterType) is null
                    && new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.NotNull,
                Schema = schema,
            };
        }
    }
}
