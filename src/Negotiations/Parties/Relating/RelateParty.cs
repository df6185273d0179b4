using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Parties.Relating;

/// <summary>
/// A source reported a relation between the party and another registered party: it competes with it (symmetric:
/// both show it), or is part of it (AWS is part of Amazon: Amazon's exposure includes AWS's deals).
/// </summary>
public sealed record RelateParty(
    RelationKind Kind,
    Guid OtherPartyId,
    Source Source,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

/// <summary>The other party as committed, and the wholes it is part of (directly or through other parts), to refuse cycles.</summary>
public sealed record RelationTarget(PartyState? Other, IReadOnlyList<Guid> OtherWholes);

public static class RelatePartyEndpoint
{
    // Stryker disable all : database reads; the API tests cover them
    public static async Task<RelationTarget> LoadAsync(RelateParty command, IQuerySession session, CancellationToken cancellationToken)
    {
        var other = await session.LoadAsync<PartyState>(command.OtherPartyId, cancellationToken);
        var wholes = new List<Guid>();
        var next = other?.Relations.Where(r => r.Kind == RelationKind.PartOf).Select(r => r.OtherPartyId).ToList() ?? [];
        while (next.Count > 0 && wholes.Count < 1000)
        {
            var fresh = next.Where(id => !wholes.Contains(id)).Distinct().ToList();
            wholes.AddRange(fresh);
            var parents = await session.LoadManyAsync<PartyState>(cancellationToken, fresh);
            next = [.. parents.SelectMany(p => p.Relations.Where(r => r.Kind == RelationKind.PartOf).Select(r => r.OtherPartyId))];
        }

        return new RelationTarget(other, wholes);
    }
    // Stryker restore all

    public static ProblemDetails Validate(RelateParty command, PartyState party, RelationTarget target, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        var other = target.Other;
        errors.Require(command.OtherPartyId != party.Id, "otherPartyId", "'otherPartyId' must be another party: a party is not related to itself.");
        errors.Require(command.OtherPartyId == party.Id || other is not null, "otherPartyId",
            $"'otherPartyId' must be a registered party's id; no registered party has id {command.OtherPartyId} (register it first).");
        errors.Require(other?.MergedInto is null, "otherPartyId",
            $"'otherPartyId': party {command.OtherPartyId} was merged into party {other?.MergedInto}: relate to that one.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var refused = PartyWritten.Allows(party, command.ExpectedVersion);
        if (!ReferenceEquals(refused, WolverineContinue.NoProblems))
        {
            return refused;
        }

        var already = party.Relations.Contains(new OwnRelation(command.Kind, other!.Id))
            || command.Kind == RelationKind.CompetesWith && other.Relations.Contains(new OwnRelation(RelationKind.CompetesWith, party.Id));
        return already ? PartyProblems.Conflict($"Party {party.Id} ({party.Name}) is already recorded as {Describe(command.Kind)} {other.Name}.", party.Version)
            : command.Kind == RelationKind.PartOf && target.OtherWholes.Contains(party.Id) ? PartyProblems.Conflict(
                $"{other.Name} is part of {party.Name} already: {party.Name} cannot also be part of {other.Name}.", party.Version)
            : WolverineContinue.NoProblems;
    }

    public static PartyRelated Decide(RelateParty command, PartyState party) =>
        new(party.Id, command.Kind, command.OtherPartyId, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Record a relation between two parties (competes with, part of)")]
    [WolverinePost("/api/parties/{id}/relations")]
    public static (PartyWritten, Events) Post(RelateParty command, [WriteParty] PartyState party) =>
        PartyWritten.Appending(party, Decide(command, party));

    private static string Describe(RelationKind kind) => kind == RelationKind.CompetesWith ? "competing with" : "part of";
}
