using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Negotiations.Infrastructure;

namespace Negotiations.Deals;

/// <summary>
/// What the deals module adds to the OpenAPI document: its tags, the limits of its texts (the same <see cref="TextLimits"/>
/// validation uses), the currency and URL formats, and request examples taken from the Amazon–OpenAI story.
/// </summary>
public static class DealsDocument
{
    public const string DealsTag = "Deals";
    public const string QuestionsTag = "Questions";

    private static readonly HashSet<string> Names =
        ["title", "name", "publication", "instrument", "regulator", "jurisdiction", "party", "relays"];

    private static readonly HashSet<string> Paragraphs =
        ["summary", "reason", "governance", "commitments", "eventReason", "text", "answer", "statement", "condition", "conditions"];

    private const string Wsj = """{ "publication": "Wall Street Journal", "publishedOn": "2026-01-29", "attribution": "AnonymousSource" }""";
    private const string Release = """{ "publication": "OpenAI press release", "publishedOn": "2026-02-27", "attribution": "CompanyStatement" }""";

    private static readonly Dictionary<string, string> ByRoute = new()
    {
        ["POST api/deals"] = """
            { "title": "Amazon invests in OpenAI", "kind": "Investment",
              "parties": [ { "name": "Amazon", "role": "Investor" }, { "name": "OpenAI", "role": "Target" } ],
              "summary": "Amazon in talks to invest $10B or more; Trainium chips part of it",
              "amount": { "value": 10000000000, "currency": "USD", "qualifier": "AtLeast" },
              "source": { "publication": "The Information", "publishedOn": "2025-12-16", "attribution": "AnonymousSource" } }
            """,
        ["POST api/deals/{id}/terms"] = $$"""
            { "amount": { "value": 50000000000, "currency": "USD", "qualifier": "UpTo" },
              "valuation": { "value": 830000000000, "currency": "USD", "qualifier": "About", "basis": "Unknown" },
              "source": {{Wsj}}, "expectedVersion": 1 }
            """,
        ["POST api/deals/{id}/agreement"] = $$"""
            { "stage": "Announced", "amount": { "value": 50000000000, "currency": "USD" },
              "tranches": [ { "amount": { "value": 15000000000, "currency": "USD" } },
                            { "amount": { "value": 35000000000, "currency": "USD" }, "condition": "an IPO or an AGI milestone" } ],
              "source": {{Release}} }
            """,
        ["POST api/deals/{id}/corrections"] = """
            { "correctsVersion": 2, "amount": { "value": 50000000000, "currency": "USD", "qualifier": "UpTo" },
              "reason": "Typed $5B for the WSJ figure of up to $50B" }
            """,
        ["POST api/deals/{id}/questions"] = $$"""{ "topic": "Governance", "text": "Will Amazon get a board seat?", "source": {{Wsj}} }""",
        ["POST api/deals/{id}/responses"] = $$"""{ "party": "Amazon", "response": "DeclinedToComment", "respondsToVersion": 2, "source": {{Wsj}} }""",
        ["POST api/deals/{id}/retractions"] = """
            { "retractsVersion": 1, "reason": "Amazon denied investing $10B", "kind": "Denied",
              "source": { "publication": "Amazon", "publishedOn": "2025-12-17", "attribution": "CompanyStatement" } }
            """,
    };

    public static void Configure(OpenApiOptions options)
    {
        ApiDocument.AddTag(options, DealsTag, "Deal streams: report, propose, revise, agree, review, complete, end; status, history, claims, diff, chart.");
        ApiDocument.AddTag(options, QuestionsTag, "Questions watchers wait on, and their answers.");
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(string) && context.JsonPropertyInfo?.Name is { } name)
            {
                (schema.MaxLength, schema.Pattern, schema.Format) = name switch
                {
                    "currency" => (3, "^[A-Z]{3}$", schema.Format),
                    "url" when context.JsonPropertyInfo.DeclaringType == typeof(Source) => (Source.MaxUrlLength, schema.Pattern, "uri"),
                    "url" => (schema.MaxLength, schema.Pattern, "uri-reference"),
                    _ when Names.Contains(name) => (TextLimits.Name, schema.Pattern, schema.Format),
                    _ when Paragraphs.Contains(name) => (TextLimits.Paragraphs, schema.Pattern, schema.Format),
                    _ => (schema.MaxLength, schema.Pattern, schema.Format),
                };
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (ByRoute.TryGetValue($"{context.Description.HttpMethod} {context.Description.RelativePath}", out var example)
                && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType body)
            {
                body.Example = JsonNode.Parse(example);
            }

            return Task.CompletedTask;
        });
    }
}
