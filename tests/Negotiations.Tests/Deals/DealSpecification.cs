using CsCheck;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Tests.Infrastructure;
using Wolverine.Http;
using Xunit;

namespace Negotiations.Tests.Deals;

/// <summary>
/// Given/When/Then over the pure decisions: fold the given events into the state a handler would receive, run the
/// command's Validate (and Decide), and compare whole events or problems. No database.
/// </summary>
public static class DealSpecification
{
    public static readonly Guid DealId = Guid.Parse("0199a7b6-0000-7000-8000-000000000001");
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static Source Wsj(string publishedOn = "2026-01-29") =>
        new("Wall Street Journal", DateOnly.Parse(publishedOn, System.Globalization.CultureInfo.InvariantCulture), Attribution.AnonymousSource);

    public static ReportedAmount Usd(decimal value, AmountQualifier qualifier = AmountQualifier.Exact) => new(value, "USD", qualifier);

    public static TalksReported Opened() => new(
        "Amazon invests in OpenAI", DealKind.Investment,
        [new Party("Amazon", PartyRole.Investor), new Party("OpenAI", PartyRole.Target)],
        null, Usd(10_000_000_000m, AmountQualifier.AtLeast), null, new DateOnly(2025, 12, 16), Wsj("2025-12-16"));

    public static TermsProposed Proposed() => new(
        Usd(50_000_000_000m, AmountQualifier.UpTo), null, null, null, null, null, null, new DateOnly(2026, 1, 29), Wsj());

    public static DealClosed Closed() => new(Usd(50_000_000_000m), new DateOnly(2026, 2, 27), null, new DateOnly(2026, 2, 27), Wsj("2026-02-27"));

    public static DealAbandoned Abandoned() => new("Talks collapsed", new DateOnly(2026, 2, 1), Wsj("2026-02-01"));

    /// <summary>The deal after the given events (versions 1, 2, …), folded the way the event store folds it.</summary>
    public static Deal Given(params object[] events) =>
        DealTimeline.Fold(DealId, events.Select((data, index) => Wrap(data, index + 1)).ToList())
        ?? throw new InvalidOperationException("The given events open no deal.");

    public static void ThenState(DealStatus status, long version, Deal deal)
    {
        Assert.Equal(DealId, deal.Id);
        Assert.Equal(status, deal.Status);
        Assert.Equal(version, deal.Version);
    }

    public static IEvent Wrap(object data, long version)
    {
        var type = typeof(Event<>).MakeGenericType(data.GetType());
        var e = (IEvent)Activator.CreateInstance(type, data)!;
        e.StreamId = DealId;
        e.Version = version;
        e.Timestamp = Now.AddMinutes(version);
        return e;
    }

    public static void ThenAccepted(ProblemDetails problem) =>
        Assert.True(ReferenceEquals(problem, WolverineContinue.NoProblems), $"Expected no problem, got {problem.Status}: {Describe(problem)}");

    /// <summary>The command is refused with this status, and (for 400s) exactly these fields are named.</summary>
    public static Problem ThenRefused(ProblemDetails problem, int status, params string[] fields)
    {
        Assert.False(ReferenceEquals(problem, WolverineContinue.NoProblems), "Expected a problem, the command was accepted.");
        return Problem.Of(problem).ShouldBe(status, fields);
    }

    /// <summary>Events are compared as the JSON they are stored as, which is what "the same event" means here.</summary>
    public static void ThenEvent(object expected, object actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(Json(expected), Json(actual));
    }

    public static string Json(object value) => TestJson.Serialize(value);

    // Small builders for the unit tests: days relative to Now, texts of a given length, the remaining events.

    /// <summary>The day after Now (UTC): the latest date any report may carry.</summary>
    public static readonly DateOnly Tomorrow = new(2026, 3, 2);

    /// <summary>Two days after Now: one day too late for any date.</summary>
    public static readonly DateOnly DayAfterTomorrow = new(2026, 3, 3);

    /// <summary>The day before <see cref="Dates.Earliest"/>.</summary>
    public static readonly DateOnly TooEarly = new(1899, 12, 31);

    public static DateOnly Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(int length) => new('x', length);

    /// <summary>The stake revised once the deal was announced: $50B exact, $15B of it up front.</summary>
    public static StakeRevised Revised() => new(
        Usd(50_000_000_000m), null, "announced: $15B up front, $35B on conditions", new DateOnly(2026, 2, 27), Wsj("2026-02-27"));

    /// <summary>A later report of talks that names no one new: what revives an abandoned deal.</summary>
    public static TalksReported TalksAgain() => new(
        null, null, [], "Talks resumed", null, null, new DateOnly(2026, 2, 10), Wsj("2026-02-10"));

    /// <summary>A 409 that tells the caller the version the deal is at, and no field errors.</summary>
    public static void ThenConflict(ProblemDetails problem, long currentVersion)
    {
        var conflict = ThenRefused(problem, 409);
        Assert.Null(conflict.Errors);
        Assert.Equal(currentVersion, conflict.CurrentVersion);
    }

    /// <summary>The whole 409 a deal's state gives: this detail, the version the deal is at, and no field errors.</summary>
    public static void ThenConflict(ProblemDetails problem, long currentVersion, string detail)
    {
        ThenConflict(problem, currentVersion);
        TestJson.AssertSame(Problem.DealConflict(detail, currentVersion), Problem.Of(problem));
    }

    /// <summary>The 409 detail of a report dated after a final status (<paramref name="status"/> on <paramref name="finalOn"/>).</summary>
    public static string AfterFinal(string status, string action, string finalOn) =>
        $"Deal {DealId} is {status}; a {status} deal cannot {action} (only reports of what happened before {finalOn} are still accepted: they sort into place).";

    /// <summary>
    /// The projection (<see cref="DealProjection"/>: its in-order fast path, or a fold again) must give what folding the
    /// whole stream gives, after every slice of 2,000 random streams handed over in random slices: the opening report,
    /// then 1 to 12 events drawn by <paramref name="later"/> (given the version it will have).
    /// </summary>
    public static void ThenTheProjectionAlwaysEqualsTheFold(Func<int, Gen<object>> later)
    {
        var streams = Gen.Int[1, 12].SelectMany(count => Enumerable.Range(2, count).Aggregate(
            Gen.Const(new List<object> { Opened() }),
            (stream, version) => stream.SelectMany(events => later(version).Select(e => new List<object>(events) { e }))));
        streams.SelectMany(stream => TimelineSlices.Cuts(stream.Count).Select(cuts => (stream, cuts))).Sample(sample =>
        {
            var events = sample.stream.Select((data, index) => Wrap(data, index + 1)).ToList();
            TimelineSlices.ThenEverySliceEqualsTheFold(new DealProjection(), DealId, events, sample.cuts, Json);
        }, iter: 2000);
    }

    /// <summary>The 409 detail of a report other than talks dated after an abandonment.</summary>
    public static string AfterAbandonment(string action) => $"Deal {DealId} is abandoned; it cannot {action} until talks are reported again.";

    private static string Describe(ProblemDetails problem) =>
        problem is ValidationProblemDetails v ? string.Join("; ", v.Errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")) : problem.Detail ?? "";
}
