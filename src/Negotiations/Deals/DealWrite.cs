namespace Negotiations.Deals;

/// <summary>
/// The kinds of write a deal can be asked to take; <see cref="Deal.Allows"/> holds the rule for each. <c>Action</c> is
/// how a refusal names it ("a closed deal cannot take proposed terms").
/// </summary>
public abstract record DealWrite(string Action)
{
    /// <summary>A move in the negotiation on a live deal: proposing terms, revising the stake.</summary>
    public sealed record Negotiation(string Action) : DealWrite(Action);

    /// <summary>Another report of talks: dated anywhere on a live deal; on an abandoned deal it revives it.</summary>
    public sealed record TalksReport(DateOnly OccurredOn) : DealWrite("report talks");

    /// <summary>Closing or abandoning a live deal.</summary>
    public sealed record Ending(string Action, DateOnly OccurredOn) : DealWrite(Action);

    /// <summary>Fixing our record of the deal (a correction, a retraction): allowed whatever its status.</summary>
    public sealed record RecordFix(string Action) : DealWrite(Action);
}
