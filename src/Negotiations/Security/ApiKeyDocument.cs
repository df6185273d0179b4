using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Negotiations.Infrastructure;

namespace Negotiations.Security;

/// <summary>The API-key security scheme (both header forms) in the OpenAPI document, required by every operation but health.</summary>
public static class ApiKeyDocument
{
    public const string HeaderScheme = "apiKeyHeader";
    public const string AuthorizationScheme = "apiKeyAuthorization";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "The API key (`create-api-key` mints one).",
            };
            document.Components.SecuritySchemes[AuthorizationScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "The same key as `Authorization: ApiKey <key>`.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
            {
                return Task.CompletedTask;
            }

            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AuthorizationScheme, context.Document)] = [] },
            ];
            operation.Responses ??= [];
            var unauthenticated = ApiDocument.Problem("No valid API key (`X-Api-Key: <key>` or `Authorization: ApiKey <key>`).", context.Document, retryAfter: false);
            unauthenticated.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["WWW-Authenticate"] = new OpenApiHeader { Description = "How to authenticate: `ApiKey header=\"X-Api-Key\"`.", Schema = ApiDocument.Text() },
            };
            operation.Responses.TryAdd("401", unauthenticated);
            operation.Responses.TryAdd("403", ApiDocument.Problem("The key's role may not do this.", context.Document, retryAfter: false));
            if (context.Description.HttpMethod != "GET")
            {
                // Writes: Protect gives them idempotency, the write limit, and recorded-by.
                operation.Responses.TryAdd("422", ApiDocument.Problem("The `Idempotency-Key` was used for a different request.", context.Document, retryAfter: false));
                operation.Responses.TryAdd("429", ApiDocument.Problem("Past the key's write limit; retry after `Retry-After` seconds.", context.Document, retryAfter: true));
                (operation.Parameters ??= []).Add(ApiDocument.Header(
                    "Idempotency-Key", "Repeats of the request with this key get the first answer (24 h); another request under the same key a 422."));
                operation.Parameters.Add(ApiDocument.Header(
                    RecordedBy.Header, "Who recorded the write, when the caller has no API key (open Development mode); a key's name wins."));
            }

            return Task.CompletedTask;
        });
    }
}
