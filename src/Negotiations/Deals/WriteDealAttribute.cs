using Wolverine.Marten;

namespace Negotiations.Deals;

/// <summary>
/// How every command loads the deal it writes to: 404 ProblemDetails for an unknown deal, and an exclusive lock on the
/// deal's stream for the length of the command. Writers to one deal queue instead of failing each other: without an
/// expectedVersion every concurrent write succeeds, in some order; with one, exactly one writer per version wins and
/// the others get a 409 with the current version.
/// </summary>
public sealed class WriteDealAttribute : WriteAggregateAttribute
{
    public WriteDealAttribute()
    {
        MissingMessage = DealProblems.UnknownDeal;
        LoadStyle = ConcurrencyStyle.Exclusive;
    }
}
