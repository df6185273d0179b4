namespace Negotiations.Deals;

/// <summary>
/// The kinds of write a deal can be asked to take; <see cref="Deal.Allows"/> holds the rule for each. <c>Action</c> is
/// how a refusal names it ("a closed deal cannot take proposed terms"); <c>On</c> is when the reported thing happened.
/// </summary>
public abstract record DealWrite(string Action, DateOnly? On)
{
    /// <summary>A report of talks, terms or a stake revision; a report of talks after an abandonment revives the deal.</summary>
    public sealed record Negotiation(string Action, DateOnly Date, bool Revives = false) : DealWrite(Action, Date);

    /// <summary>A later stage: an agreement announced or signed, a regulator's review opened or cleared.</summary>
    public sealed record Stage(string Action, DateOnly Date) : DealWrite(Action, Date);

    /// <summary>An ending: an abandonment (talks may revive the deal) or a final one (completion, a v1 close, a block).</summary>
    public sealed record Ending(string Action, DateOnly Date, bool Final) : DealWrite(Action, Date);

    /// <summary>A tranche funded: money moving under the agreement, also after completion.</summary>
    public sealed record Funding(DateOnly Date) : DealWrite("have a tranche funded", Date);

    /// <summary>A question, an answer or a party's response: about the deal, not a move in it; any status takes it.</summary>
    public sealed record Commentary(string Action) : DealWrite(Action, null);

    /// <summary>Fixing our record of the deal (a correction, a retraction): allowed whatever its status.</summary>
    public sealed record RecordFix(string Action) : DealWrite(Action, null);
}
