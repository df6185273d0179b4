using JasperFx.Events;
using Negotiations.Deals;
using Negotiations.Rounds;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Rounds;

/// <summary>Given/When/Then over the rounds' pure decisions: the round folded from the given events, as the store folds it.</summary>
public static class RoundSpecification
{
    public static readonly Guid RoundId = Guid.Parse("0199a7b6-0000-7000-8000-0000000000b1");

    /// <summary>29 Jan 2026, WSJ: OpenAI seeks up to $100B at about $830B (basis unsaid).</summary>
    public static RoundReported Reported() => new(
        "OpenAI", Usd(100_000_000_000m, AmountQualifier.UpTo),
        new Valuation(830_000_000_000m, "USD", AmountQualifier.About), null, Day("2026-01-29"), Wsj());

    /// <summary>27 Feb 2026, the company: $110B at $730B pre-money.</summary>
    public static RoundRevised Announced() => new(
        Usd(110_000_000_000m), new Valuation(730_000_000_000m, "USD", Basis: ValuationBasis.PreMoney), "Announced", Day("2026-02-27"), Release());

    public static RoundClosingHeld FirstClosing() => new(Usd(40_000_000_000m), null, Day("2026-02-28"), Release("2026-02-28"));

    public static RoundClosed FinalClose() => new(Usd(110_000_000_000m), null, Day("2026-03-01"), Release("2026-03-01"));

    public static RoundAbandoned RoundAbandoned() => new("Market turned", Day("2026-02-15"), Wsj("2026-02-15"));

    public static Source Release(string publishedOn = "2026-02-27") => new("OpenAI press release", Day(publishedOn), Attribution.CompanyStatement);

    public static Round GivenRound(params object[] events) =>
        RoundTimeline.Fold(RoundId, events.Select((data, index) => WrapRound(data, index + 1)).ToList())
        ?? throw new InvalidOperationException("The given events open no round.");

    public static IEvent WrapRound(object data, long version)
    {
        var e = Wrap(data, version);
        e.StreamId = RoundId;
        return e;
    }
}
