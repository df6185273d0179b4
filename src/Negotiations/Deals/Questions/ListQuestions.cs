using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Marten;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals.Questions;

/// <summary>The query of <c>GET /api/questions</c>: by state, by a party to the deal (any letter case), by topic; paged.</summary>
public sealed record QuestionQuery(
    QuestionState? State = null,
    string? Party = null,
    QuestionTopic? Topic = null,
    [Range(1, 100_000)] int Page = 1,
    [Range(1, ListQuestionsEndpoint.MaxPageSize)] int PageSize = ListQuestionsEndpoint.DefaultPageSize);

/// <summary>A question with the deal it is about.</summary>
public sealed record DealQuestionItem(Guid DealId, string DealTitle, DealStatus DealStatus, DealQuestion Question);

public sealed record QuestionList(IReadOnlyList<DealQuestionItem> Items, long Total, int Page, int PageSize);

public static class ListQuestionsEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Questions across deals, oldest first within the deals with the newest activity first.</summary>
    [ProducesResponseType<QuestionList>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [EndpointSummary("Questions across deals")]
    [QueryRecord(typeof(QuestionQuery))]
    [WolverineGet("/api/questions")]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (QueryParameters.Bind<QuestionQuery>(context.Request.Query, errors) is not var (state, party, topic, page, pageSize))
        {
            return Results.Problem(errors.ToProblem());
        }

        IQueryable<Deal> deals = session.Query<Deal>();
        if (party?.Trim() is { Length: > 0 } name)
        {
            deals = deals.Where(d => d.Parties.Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)));
        }

        // Only deals that have such a question are read (a jsonb containment on the questions list); their other questions
        // are left out below.
        deals = state switch
        {
            { } wanted when topic is { } about => deals.Where(d => d.Questions.Any(q => q.State == wanted && q.Topic == about)),
            { } wanted => deals.Where(d => d.Questions.Any(q => q.State == wanted)),
            null when topic is { } about => deals.Where(d => d.Questions.Any(q => q.Topic == about)),
            _ => deals.Where(d => d.Questions.Any()),
        };
        var found = (await deals.OrderByDescending(d => d.LastActivityOn).ThenByDescending(d => d.Id).ToListAsync(cancellationToken))
            .SelectMany(d => d.Questions.Select(q => new DealQuestionItem(d.Id, d.Title, d.Status, q)))
            .Where(item => (state is null || item.Question.State == state) && (topic is null || item.Question.Topic == topic))
            .ToList();
        return Results.Ok(new QuestionList([.. found.Skip((page - 1) * pageSize).Take(pageSize)], found.Count, page, pageSize));
    }
}
