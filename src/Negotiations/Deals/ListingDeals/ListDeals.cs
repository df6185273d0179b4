using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Microsoft.Extensions.Options;
using Negotiations.Infrastructure;
using Wolverine.Http;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Negotiations.Deals.ListingDeals;

/// <summary>
/// The query of <c>GET /api/deals</c>; every filter is optional and they combine (all must hold). <c>status</c> takes
/// several values (repeated or as a comma list); <c>minAmount</c>/<c>maxAmount</c> need <c>currency</c>; <c>sort</c> is a
/// member name, descending with a leading '-'. The page is capped so that the offset (page - 1) × pageSize stays a
/// whole number the database takes.
/// </summary>
public sealed record DealListQuery(
    DealStatus[]? Status = null,
    string? Party = null,
    PartyRole? Role = null,
    DealKind? Kind = null,
    decimal? MinAmount = null,
    decimal? MaxAmount = null,
    string? Currency = null,
    DateOnly? ActiveFrom = null,
    DateOnly? ActiveTo = null,
    string? Q = null,
    Guid? Round = null,
    [AllowedValues("-lastActivity", "lastActivity", "-openedOn", "openedOn", "title", "-title", "amount", "-amount")] string? Sort = null,
    [AllowedValues("json", "csv")] string? Format = null,
    [Range(typeof(long), "1", "9223372036854775807")] long? WaitFor = null,
    [Range(1, int.MaxValue / ListDealsEndpoint.MaxPageSize)] int Page = 1,
    [Range(1, ListDealsEndpoint.MaxPageSize)] int PageSize = ListDealsEndpoint.DefaultPageSize);

/// <summary>A deal in the list: its status document (as the search view has it) and its summary line.</summary>
public sealed record DealListItem : Deal
{
    public DealListItem(Deal deal, string? summaryLine)
        : base(deal) => SummaryLine = summaryLine;

    /// <summary>For clients that read the list back into this record (the JSON names the deal's members, not a "deal").</summary>
    [JsonConstructor]
    public DealListItem(
        Guid id, string title, DealKind kind, DealStatus status, IReadOnlyList<Party> parties, ReportedAmount? amount,
        Valuation? valuation, decimal? stakePercent, string? instrument, string? governance, string? commitments,
        DateOnly openedOn, DateOnly lastActivityOn, DateOnly? closedOn, string? abandonedReason, Source lastSource, long version,
        string? summaryLine)
        : base(id, title, kind, status, parties, amount, valuation, stakePercent, instrument, governance, commitments,
            openedOn, lastActivityOn, closedOn, abandonedReason, lastSource, version) => SummaryLine = summaryLine;

    /// <summary>The latest counting report's own summary; for a deal whose reports have none, its amount claims' line.</summary>
    [JsonPropertyOrder(1)] // after the deal's members
    public string? SummaryLine { get; init; }
}

/// <summary>One page of the deals found, the total found, and the event sequence the search view reflects.</summary>
public sealed record DealList(IReadOnlyList<DealListItem> Items, long Total, int Page, int PageSize, ViewFreshness Freshness);

public static class ListDealsEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxQueryLength = 200;

    /// <summary>The CSV columns: the items' JSON members, in this order for good (objects as compact JSON).</summary>
    public static readonly string[] CsvColumns =
    [
        "id", "title", "kind", "status", "parties", "amount", "valuation", "stakePercent", "openedOn", "lastActivityOn",
        "closedOn", "completedOn", "summaryLine", "version",
    ];

    /// <summary>
    /// Deals found by any combination of filters, newest activity first unless sorted otherwise, as JSON or (<c>format=csv</c>
    /// or <c>Accept: text/csv</c>) one CSV row per deal of the page. Read from the search view (an async view): the answer
    /// says which event sequence it reflects, and <c>waitFor</c> waits until it reflects a write.
    /// </summary>
    [ProducesResponseType<DealList>(StatusCodes.Status200OK, "application/json", "text/csv")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [EndpointSummary("Search deals (JSON or CSV)")]
    [QueryRecord(typeof(DealListQuery))]
    [WolverineGet("/api/deals")]
    public static async Task<IResult> Get(
        HttpContext context, IQuerySession session, IPartyNameKeys partyNames, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (QueryParameters.Bind<DealListQuery>(context.Request.Query, errors) is not { } query)
        {
            return Results.Problem(errors.ToProblem());
        }

        if (Check(query, errors) is { } problem)
        {
            return problem;
        }

        var csv = Csv.Requested(context.Request, query.Format);
        var wait = await AsyncViews.AwaitAsync(context, query.WaitFor, cancellationToken);
        if (wait.Problem is { } late)
        {
            return late;
        }

        var list = await DealListing.FindAsync(session, partyNames, query, wait.Freshness, cancellationToken);
        return csv ? Csv.Result(ToCsv(list, json.Value.SerializerOptions)) : Results.Ok(list);
    }

    /// <summary>The rules across parameters, what binding alone cannot see: a problem naming them, or null (and <paramref name="errors"/> empty).</summary>
    public static IResult? Check(DealListQuery query, ValidationErrors errors)
    {
        if (query.Currency is { } currency)
        {
            errors.Require(Currencies.IsKnown(currency), "currency", "'currency' must be an ISO 4217 code of three upper-case letters, such as USD or EUR.");
        }
        else
        {
            errors.Require(query is { MinAmount: null, MaxAmount: null }, "currency",
                "'currency' is required with 'minAmount' or 'maxAmount': amounts in different currencies are not compared.");
        }

        errors.Require(query.MaxAmount is null || query.MinAmount is null || query.MaxAmount >= query.MinAmount, "maxAmount",
            "'maxAmount' must be at least 'minAmount'.");
        errors.Require(query.MaxAmount is null or <= ReportedAmount.MaxValue, "maxAmount", $"'maxAmount' must be at most {ReportedAmount.MaxValue:0}.");
        errors.Require(query.MinAmount is null or <= ReportedAmount.MaxValue, "minAmount", $"'minAmount' must be at most {ReportedAmount.MaxValue:0}.");
        errors.Require(query.ActiveTo is null || query.ActiveFrom is null || query.ActiveTo >= query.ActiveFrom, "activeTo",
            "'activeTo' must be on or after 'activeFrom'.");
        errors.Require(query.Q is null || query.Q.Length <= MaxQueryLength, "q", $"'q' must be at most {MaxQueryLength} characters.");
        errors.Require(query.Party is null || query.Party.Length <= TextLimits.Name, "party", $"'party' must be at most {TextLimits.Name} characters.");
        return errors.IsEmpty ? null : Results.Problem(errors.ToProblem());
    }

    /// <summary>Cells are taken from the JSON answer itself, so both formats always say the same.</summary>
    private static string ToCsv(DealList list, JsonSerializerOptions options)
    {
        var items = JsonSerializer.SerializeToElement(list.Items, options);
        return Csv.Write(CsvColumns, items.EnumerateArray()
            .Select(item => (IReadOnlyList<string>)[.. CsvColumns.Select(column => Csv.Cell(item.GetProperty(column)))]));
    }
}

/// <summary>
/// The one search behind the API's list and the dashboard's: every filter of <see cref="DealListQuery"/> applied in the
/// database over the search view, sorted, paged, with the total of all matches.
/// </summary>
public static class DealListing
{
    public const string DefaultSort = "-lastActivity";

    public static async Task<DealList> FindAsync(
        IQuerySession session, IPartyNameKeys partyNames, DealListQuery query, ViewFreshness freshness, CancellationToken cancellationToken)
    {
        var search = DealSearch.For(query, string.IsNullOrWhiteSpace(query.Party) ? [] : await partyNames.KeysAsync(session, query.Party, cancellationToken));
        var table = session.DocumentStore.Options.Schema.For<DealSearchEntry>();
        var offset = (query.Page - 1) * query.PageSize;
        var found = await session.QueryAsync<DealSearchEntry>(
            $"where {search.Where} order by {search.OrderBy} limit {query.PageSize} offset {offset}", cancellationToken, [.. search.Arguments]);
        var total = await session.QueryAsync<long>($"select count(*) from {table} where {search.Where}", cancellationToken, [.. search.Arguments]);
        return new DealList([.. found.Select(e => new DealListItem(e.Deal, e.SummaryLine))], total[0], query.Page, query.PageSize, freshness);
    }
}
