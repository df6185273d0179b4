using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Marten;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.Extensions.Options;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals.GettingClaims;

/// <summary>The query of <c>GET /api/deals/{id}/claims</c>: JSON or CSV (else the Accept header decides).</summary>
public sealed record ClaimsQuery([AllowedValues("json", "csv")] string? Format = null);

public static class GetDealClaimsEndpoint
{
    /// <summary>The CSV columns after <c>field</c>: a claim's JSON members, in this order for good.</summary>
    public static readonly string[] ClaimColumns =
    [
        "version", "occurredOn", "recordedAt", "value", "source", "attribution", "publishedOn", "url",
        "corrected", "correctedBy", "original", "retracted", "retractedBy",
    ];

    /// <summary>
    /// Who claimed what for the amount, valuation, stake and status, as JSON or (<c>format=csv</c> or
    /// <c>Accept: text/csv</c>) one CSV row per claim. Built from the whole stream: a correction recorded last can change
    /// the first claim, so there are no pages.
    /// </summary>
    [ProducesResponseType<DealClaims>(StatusCodes.Status200OK, "application/json", "text/csv")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("Who claimed what, field by field (JSON or CSV)")]
    [QueryRecord(typeof(ClaimsQuery))]
    [WolverineGet("/api/deals/{id}/claims")]
    public static async Task<IResult> Get(
        Guid id, HttpContext context, IQuerySession session, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (QueryParameters.Bind<ClaimsQuery>(context.Request.Query, errors) is not { } query)
        {
            return Results.Problem(errors.ToProblem());
        }

        var csv = Csv.Requested(context.Request, query.Format);

        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        if (DealClaims.From(id, events) is not { } claims)
        {
            return Results.Problem(DealProblems.NotFound(id));
        }

        return csv ? Csv.Result(ToCsv(claims, json.Value.SerializerOptions)) : Results.Ok(claims);
    }

    /// <summary>Cells are taken from the JSON answer itself, so both formats always say the same.</summary>
    private static string ToCsv(DealClaims claims, JsonSerializerOptions options)
    {
        var fields = JsonSerializer.SerializeToElement(claims.Fields, options);
        var rows = fields.EnumerateObject().SelectMany(field => field.Value.GetProperty("claims").EnumerateArray()
            .Select(claim => (IReadOnlyList<string>)[field.Name, .. ClaimColumns.Select(column => Csv.Cell(claim.GetProperty(column)))]));
        return Csv.Write(["field", .. ClaimColumns], rows);
    }
}
