using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Wolverine.Http;

namespace Negotiations.Rounds;

/// <summary>Where a round stands: raising until a first closing, partly closed after one, then closed or abandoned (both final).</summary>
public enum RoundStatus { Raising, PartlyClosed, Closed, Abandoned }

/// <summary>One closing of the round: when it was held, how much it raised when reported, and who reported it.</summary>
public sealed record RoundClosing(DateOnly HeldOn, ReportedAmount? Amount, Source Source);

/// <summary>The source each current value of the round came from.</summary>
public sealed record RoundSources(Source? Target = null, Source? Valuation = null);

/// <summary>
/// A funding round: the company raising, its target size and valuation as last reported, its closings, and how it ended.
/// One pure fold (<see cref="After"/>, in the order things happened) gives the state every write decides on, the async
/// view and every as-of answer, so they cannot disagree. Every date comes from the events.
/// </summary>
public sealed record Round(
    Guid Id,
    string Company,
    RoundStatus Status,
    ReportedAmount? Target,
    Valuation? Valuation,
    IReadOnlyList<RoundClosing> Closings,
    ReportedAmount? FinalAmount,
    DateOnly? EndedOn,
    string? AbandonedReason,
    DateOnly OpenedOn,
    DateOnly LastActivityOn,
    Source LastSource,
    RoundSources Sources,
    long Version)
{
    /// <summary>Statuses nothing moves on from: a report dated on or after the ending would contradict it.</summary>
    public bool IsFinal => Status is RoundStatus.Closed or RoundStatus.Abandoned;

    /// <summary>A round known only by its opening report's identity, before any report is applied.</summary>
    public static Round Identify(Guid id, RoundReported opening) => new(
        id, opening.Company, RoundStatus.Raising, null, null, [], null, null, null,
        opening.OccurredOn, opening.OccurredOn, opening.Source, new RoundSources(), 0);

    /// <summary>One report applied on top of everything that happened before it. A later report's values replace earlier ones.</summary>
    public Round After(IRoundEvent report) => report switch
    {
        RoundReported e => Touch(e).Values(e.Source, e.Target, e.Valuation),
        RoundRevised e => Touch(e).Values(e.Source, e.Target, e.Valuation),
        RoundClosingHeld e => Touch(e) with
        {
            Closings = [.. Closings, new RoundClosing(e.OccurredOn, e.Amount, e.Source)],
            Status = Status == RoundStatus.Raising ? RoundStatus.PartlyClosed : Status,
        },
        RoundClosed e => Touch(e) with { Status = RoundStatus.Closed, FinalAmount = e.FinalAmount, EndedOn = e.OccurredOn, AbandonedReason = null },
        RoundAbandoned e => Touch(e) with { Status = RoundStatus.Abandoned, EndedOn = e.OccurredOn, AbandonedReason = e.Reason, FinalAmount = null },
        _ => Touch(report),
    };

    /// <summary>
    /// The rules every write to an existing round obeys, like a deal's: a stale <paramref name="expectedVersion"/> is
    /// refused; a round ends (closes or is abandoned) once; an ending dated before the latest report would end the round
    /// before reports that came after it; on an ended round only reports of what happened before the ending are taken
    /// (they sort into place and leave the status alone).
    /// </summary>
    public ProblemDetails Allows(string action, DateOnly on, bool ending, long? expectedVersion)
    {
        var status = Status == RoundStatus.PartlyClosed ? "partly closed" : Status.ToString().ToLowerInvariant();
        return (expectedVersion, EndedOn) switch
        {
            ({ } expected, _) when expected != Version => RoundProblems.Conflict(
                $"Round {Id} is at version {Version}, not the expected version {expected}: reload it and decide again.", Version),
            _ when ending && IsFinal => RoundProblems.Conflict($"Round {Id} is {status}; it cannot {action}.", Version),
            _ when ending && on < LastActivityOn => RoundProblems.Conflict(
                $"This report is dated {on:yyyy-MM-dd}, before the latest report about round {Id} ({LastActivityOn:yyyy-MM-dd}): it would end the " +
                "round before reports that came after it.", Version),
            (_, { } ended) when on >= ended => RoundProblems.Conflict(
                $"Round {Id} is {status}; it cannot {action} (only reports of what happened before {ended:yyyy-MM-dd} are still " +
                "accepted: they sort into place).", Version),
            _ => WolverineContinue.NoProblems,
        };
    }

    private Round Touch(IRoundEvent e) => this with
    {
        LastActivityOn = e.OccurredOn > LastActivityOn ? e.OccurredOn : LastActivityOn,
        LastSource = e.Source,
    };

    private Round Values(Source source, ReportedAmount? target, Valuation? valuation) => this with
    {
        Target = target ?? Target,
        Valuation = valuation ?? Valuation,
        Sources = new RoundSources(target is null ? Sources.Target : source, valuation is null ? Sources.Valuation : source),
    };
}

/// <summary>The round-worded answers: an unknown round, a write the round's state refuses.</summary>
public static class RoundProblems
{
    public const string ConflictTitle = "The request conflicts with the round's current state.";

    public static ProblemDetails NotFound(Guid id) => Infrastructure.Problems.NotFound($"No round with id {id} exists.");

    public static ProblemDetails Conflict(string detail, long? currentVersion = null) => Infrastructure.Problems.Conflict(ConflictTitle, detail, currentVersion);
}
