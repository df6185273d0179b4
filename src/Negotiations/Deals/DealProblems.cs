using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;

namespace Negotiations.Deals;

/// <summary>The deal-worded answers: an unknown deal, a lost race, a write the deal's state refuses.</summary>
public static class DealProblems
{
    /// <summary>The 404 detail for an unknown deal; Wolverine fills in {Id} on the write routes.</summary>
    public const string UnknownDeal = "No deal with id {Id} exists.";

    public const string ConflictTitle = "The request conflicts with the deal's current state.";

    public static ProblemDetails NotFound(Guid id) => Problems.NotFound(UnknownDeal.Replace("{Id}", id.ToString(), StringComparison.Ordinal));

    /// <summary>Two writes raced on one deal and this one lost: nothing of it was recorded.</summary>
    public static ProblemDetails ConcurrentChange() =>
        Conflict("The deal was changed by another request at the same time: nothing was recorded; reload it and try again.");

    public static ProblemDetails Conflict(string detail, long? currentVersion = null) => Problems.Conflict(ConflictTitle, detail, currentVersion);
}
