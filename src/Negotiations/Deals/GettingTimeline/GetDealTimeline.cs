using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Marten;
using Negotiations.Deals.GettingClaims;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals.GettingTimeline;

/// <summary>The query of <c>GET /api/deals/{id}/timeline</c>: which number to chart.</summary>
public sealed record TimelineQuery([AllowedValues("amount", "valuation")] string Field = "amount");

/// <summary>
/// One report's number, ready to chart: <c>Low</c> and <c>High</c> bound it as the qualifier says (<c>UpTo</c> has no low,
/// <c>AtLeast</c> no high, <c>Exact</c> and <c>About</c> have both equal to the value, <c>Between</c> its two ends), with
/// the basis of a valuation and the source's attribution. Retracted and corrected reports stay in, marked; only counted
/// points (<c>Counts</c>) make the deal's status.
/// </summary>
public sealed record TimelinePoint(
    long Version,
    DateOnly OccurredOn,
    decimal? Low,
    decimal? High,
    AmountQualifier Qualifier,
    string Currency,
    ValuationBasis? Basis,
    string Source,
    Attribution Attribution,
    bool Corrected,
    bool Retracted,
    bool Counts);

public sealed record DealTimelineChart(Guid Id, string Field, IReadOnlyList<TimelinePoint> Points);

public static class GetDealTimelineEndpoint
{
    [ProducesResponseType<DealTimelineChart>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("Chart-ready points of the amount or valuation")]
    [QueryRecord(typeof(TimelineQuery))]
    [WolverineGet("/api/deals/{id}/timeline")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (QueryParameters.Bind<TimelineQuery>(context.Request.Query, errors) is not { } query)
        {
            return Results.Problem(errors.ToProblem());
        }

        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        if (DealClaims.From(id, events) is not { } claims)
        {
            return Results.Problem(DealProblems.NotFound(id));
        }

        var field = query.Field.ToLowerInvariant();
        var points = (field == "amount" ? claims.Fields.Amount : claims.Fields.Valuation).Claims.Select(Point).ToList();
        return Results.Ok(new DealTimelineChart(id, field, points));
    }

    public static TimelinePoint Point(Claim claim)
    {
        var (value, currency, qualifier, high, basis) = claim.Value switch
        {
            Valuation v => (v.Value, v.Currency, v.Qualifier, v.High, (ValuationBasis?)v.Basis),
            ReportedAmount a => (a.Value, a.Currency, a.Qualifier, a.High, null),
            _ => throw new ArgumentOutOfRangeException(nameof(claim), claim.Value.GetType().Name, "Not an amount or a valuation."),
        };
        var (low, top) = Range(value, qualifier, high);
        return new TimelinePoint(
            claim.Version, claim.OccurredOn, low, top, qualifier, currency, basis, claim.Source, claim.Attribution, claim.Corrected,
            claim.Retracted, !claim.Retracted);
    }

    /// <summary>The range a qualified number stands for.</summary>
    public static (decimal? Low, decimal? High) Range(decimal value, AmountQualifier qualifier, decimal? high) => qualifier switch
    {
        AmountQualifier.UpTo => (null, value),
        AmountQualifier.AtLeast => (value, null),
        AmountQualifier.Between => (value, high),
        _ => (value, value),
    };
}
