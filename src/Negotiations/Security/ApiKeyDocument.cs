using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

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
            if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
            {
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, context.Document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AuthorizationScheme, context.Document)] = [] },
                ];
            }

            return Task.CompletedTask;
        });
    }
}
