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

/// <summary>On an endpoint: an answer header it sets with the given status (the document lists it there).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ResponseHeaderAttribute(int status, string name, string description) : Attribute
{
    public string Status { get; } = status.ToString(CultureInfo.InvariantCulture);

    public string Name { get; } = name;

    public string Description { get; } = description;
}

/// <summary>On an endpoint: a request header it reads.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequestHeaderAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;
}

/// <summary>Endpoint metadata a module adds to its endpoints: the capability they are listed under in the document.</summary>
public sealed record CapabilityTag(string Name);

/// <summary>
/// The OpenAPI document as the API behaves, where ASP.NET's generator cannot see it: texts typed as strings with their
/// limits (a custom converter hides them), decimals as decimals, the typed query records as parameters, the problem
/// answers the platform gives and the headers it reads and writes, the endpoints' own headers and the capability tags
/// their modules give them. What is a module's (its texts' limits, its tags' descriptions, its examples, the API-key
/// schemes and the answers they add) the module adds itself.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";

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
        <body>
        <h1>Negotiations</h1>
        <p>An event-sourced tracker of deal negotiations as they are reported.</p>
        <ul>
        <li><a href="/deals">Dashboard</a> (deals, rounds, parties; sign in with an API key)</li>
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

            return Task.CompletedTask;
        });
        options.AddSchemaTransformer(DescribeSchema);
        options.AddOperationTransformer(JsonBody.DescribeAsync);
        options.AddOperationTransformer(DescribeOperation);
    }

    private const string ShortSummary = "negotiations.summary";

    /// <summary>
    /// Registered after every other transformer, as a document transformer (.NET's XML-comment support rewrites each
    /// operation's summary after the operation transformers): the endpoint's short summary names the operation and its doc
    /// comment explains it; Wolverine's operation id ("GET_api_deals_id") is neither.
    /// </summary>
    public static void Finish(OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>()
                    .LastOrDefault(m => m.Summary != operation.OperationId) is { } named)
            {
                (operation.Metadata ??= new Dictionary<string, object>())[ShortSummary] = named.Summary;
            }

            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            foreach (var operation in (document.Paths ?? []).Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
            {
                var named = operation.Metadata?.TryGetValue(ShortSummary, out var summary) == true ? (string)summary : null;
                var explained = new[] { operation.Summary, operation.Description }
                    .FirstOrDefault(text => text is not null && text != operation.OperationId && text != named);
                operation.Summary = named ?? FirstSentence(explained) ?? operation.Summary;
                operation.Description = explained;
                // Every answer echoes the correlation id, also those a module's transformer added.
                foreach (var response in (operation.Responses ?? []).Values.OfType<OpenApiResponse>())
                {
                    (response.Headers ??= new Dictionary<string, IOpenApiHeader>())
                        .TryAdd(Correlation.CorrelationHeader, new OpenApiHeader { Description = "The request's correlation id.", Schema = Text() });
                }
            }

            // The generator lists every operation's first tag (a .NET class name); only the capability tags are used.
            var used = (document.Paths ?? []).Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
                .SelectMany(operation => operation.Tags?.AsEnumerable() ?? []).Select(tag => tag.Name).ToHashSet();
            foreach (var unused in document.Tags?.Where(tag => !used.Contains(tag.Name)).ToList() ?? [])
            {
                document.Tags!.Remove(unused);
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>A module's tag, with what its operations are for.</summary>
    public static void AddTag(OpenApiOptions options, string name, string description) => options.AddDocumentTransformer((document, _, _) =>
    {
        (document.Tags ??= new HashSet<OpenApiTag>()).Add(new OpenApiTag { Name = name, Description = description });
        return Task.CompletedTask;
    });

    private static string? FirstSentence(string? text) => text?.Split(". ", 2)[0].TrimEnd('.').Replace('\n', ' ');

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(string))
        {
            var nullable = context.JsonPropertyInfo is { } property && (property.IsGetNullable || property.IsSetNullable);
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
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
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Tags = new HashSet<OpenApiTagReference> { new(metadata.OfType<CapabilityTag>().LastOrDefault()?.Name ?? "Service", context.Document) };
        operation.Responses ??= [];
        var write = method != "GET";
        foreach (var (status, when) in Problems(route, write, metadata.OfType<RouteIdMetadata>().FirstOrDefault()))
        {
            operation.Responses.TryAdd(status, Problem(when, context.Document, retryAfter: status == "503"));
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
            operation.Parameters.Add(Header(Correlation.CausationHeader, "What led to this command: recorded with its events."));
        }

        foreach (var header in metadata.OfType<RequestHeaderAttribute>())
        {
            operation.Parameters.Add(Header(header.Name, header.Description));
        }

        operation.Parameters.Add(Header(Correlation.CorrelationHeader,
            "The request's correlation id (else a W3C traceparent's trace id, else a new one): recorded with a write's events and echoed."));
        foreach (var (status, response) in operation.Responses.Select(r => (r.Key, r.Value)).Where(r => r.Value is OpenApiResponse))
        {
            var headers = ((OpenApiResponse)response).Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (method == "POST" && status == "201")
            {
                headers.TryAdd("Location", new OpenApiHeader { Description = "The new resource.", Schema = Text() });
            }

            if (write && status.StartsWith('2'))
            {
                headers.TryAdd(AsyncViews.EventSequenceHeader, new OpenApiHeader
                {
                    Description = "The global sequence of the write's last event: `waitFor` it on an async view's read to see the write there.",
                    Schema = Text(),
                });
            }

            foreach (var header in metadata.OfType<ResponseHeaderAttribute>().Where(h => h.Status == status))
            {
                headers.TryAdd(header.Name, new OpenApiHeader { Description = header.Description, Schema = Text() });
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The problem answers the platform gives on an operation, with when.</summary>
    private static IEnumerable<(string Status, string When)> Problems(string route, bool write, RouteIdMetadata? routeId)
    {
        if (!route.StartsWith("/api/", StringComparison.Ordinal))
        {
            yield break;
        }

        yield return ("400", "The request is invalid: `errors` names each bad member or parameter.");
        if (routeId is not null)
        {
            yield return ("404", $"No {routeId.Kind} with this id (or nothing known at the point asked for).");
        }

        if (write)
        {
            if (routeId is not null)
            {
                yield return ("409", $"A stale `expectedVersion` (with `currentVersion`), a lost race, or a write the {routeId.Kind}'s state refuses.");
            }

            yield return ("408", "The body stopped coming before it was whole.");
            yield return ("413", $"The body is over {JsonBody.MaxBodyBytes / 1024} KiB.");
            yield return ("415", "The body is not JSON (UTF-8, not compressed).");
        }

        yield return ("500", "An unexpected error; `traceId` is in the server log.");
        yield return ("503", "PostgreSQL is unreachable, or the stream's audit chain changed under a write (retry after `Retry-After` seconds) or is damaged (no `Retry-After`: an operator must check it).");
    }

    /// <summary>A problem answer: ProblemDetails, with <c>Retry-After</c> when the caller should come back.</summary>
    public static OpenApiResponse Problem(string description, OpenApiDocument? document, bool retryAfter) => new()
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

    public static OpenApiSchema Text(bool nullable = false) => new() { Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String };

    public static OpenApiParameter Header(string name, string description) => new()
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
            var list = parameter.ParameterType.IsArray;
            var declared = list ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
            var type = Nullable.GetUnderlyingType(declared) ?? declared;
            var schema = new OpenApiSchema();
            if (type == typeof(decimal))
            {
                (schema.Type, schema.Minimum) = (JsonSchemaType.Number, "0");
            }
            else if (type == typeof(int) || type == typeof(long))
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
                // Several values: repeated (status=A&status=B), or as one comma list, which QueryParameters also takes.
                Style = list ? ParameterStyle.Form : null,
                Explode = list,
                Required = !parameter.HasDefaultValue && Nullable.GetUnderlyingType(parameter.ParameterType) is null
                    && new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.NotNull,
                Schema = list ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema,
            };
        }
    }
}
