using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Negotiations.Deals;

/// <summary>Request examples in the OpenAPI document, taken from the Amazon–OpenAI story.</summary>
public static class DealExamples
{
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

    public static void Configure(OpenApiOptions options) => options.AddOperationTransformer((operation, context, _) =>
    {
        if (ByRoute.TryGetValue($"{context.Description.HttpMethod} {context.Description.RelativePath}", out var example)
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType body)
        {
            body.Example = JsonNode.Parse(example);
        }

        return Task.CompletedTask;
    });
}
