using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Negotiations.Parties.Registering;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Parties.Merging;

/// <summary>
/// Party <c>DuplicateId</c> is this party: a registered party, or one known only from deals ("Amazon.com" first seen in a
/// deal). Its names become this party's names, its deals this party's, and its id resolves to this party. Only by this
/// explicit command: names are never merged by guess.
/// </summary>
public sealed record MergeParty(
    Guid DuplicateId,
    string? Reason = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

/// <summary>The duplicate as committed: its registration, or the name it was first seen under and who owns that name now.</summary>
public sealed record MergeCandidate(PartyState? Registered, string? FirstSightName, PartyName? NameClaim);

public static class MergePartyEndpoint
{
    // Stryker disable all : database reads; the API tests cover them
    public static async Task<MergeCandidate> LoadAsync(MergeParty command, IQuerySession session, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<PartyState>(command.DuplicateId, cancellationToken) is { } registered)
        {
            return new MergeCandidate(registered, null, null);
        }

        var name = await PartyNameOwners.FirstSightNameAsync(session, command.DuplicateId, cancellationToken);
        return new MergeCandidate(null, name, name is null ? null : await session.LoadAsync<PartyName>(PartyNames.Key(name), cancellationToken));
    }
    // Stryker restore all

    public static ProblemDetails Validate(MergeParty command, PartyState party, MergeCandidate duplicate, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Reason, "reason", TextLimits.Paragraphs, required: false);
        RegisterPartyEndpoint.CheckRecord(null, command.OccurredOn, now, errors);
        errors.Require(command.DuplicateId != party.Id, "duplicateId", "'duplicateId' must be another party: a party is not merged into itself.");
        errors.Require(command.DuplicateId == party.Id || duplicate.Registered is not null || duplicate.FirstSightName is not null, "duplicateId",
            $"'duplicateId' must be a party's id (registered, or seen in a deal); no party has id {command.DuplicateId}.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var refused = PartyWritten.Allows(party, command.ExpectedVersion);
        return !ReferenceEquals(refused, WolverineContinue.NoProblems) ? refused : duplicate switch
        {
            { Registered: { MergedInto: { } survivor } merged } => PartyProblems.Conflict(
                $"Party {merged.Id} ({merged.Name}) was already merged into party {survivor}.", party.Version),
            { NameClaim: { } claim } when claim.PartyId == party.Id => PartyProblems.Conflict(
                $"'{claim.Name}' is already a name of party {party.Id} ({party.Name}).", party.Version),
            { NameClaim: { } owned } => PartyProblems.NameTaken(owned.Name, owned.PartyId, owned.Name),
            _ => WolverineContinue.NoProblems,
        };
    }

    public static PartyMerged Decide(MergeParty command, PartyState party, MergeCandidate duplicate, DateTimeOffset now) => new(
        party.Id, command.DuplicateId, duplicate.Registered?.Names ?? [duplicate.FirstSightName!],
        RegisterPartyEndpoint.On(null, command.OccurredOn, now), command.Reason);

    [EndpointSummary("Merge a duplicate party into this one")]
    [WolverinePost("/api/parties/{id}/merges")]
    public static async Task<(PartyWritten, Events)> Post(
        MergeParty command, [WriteParty] PartyState party, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Read again in this transaction (the loaded candidate is Validate's; the body binding takes no second record).
        var duplicate = await LoadAsync(command, session, cancellationToken);
        var merged = Decide(command, party, duplicate, clock.GetUtcNow());
        foreach (var claim in merged.Names.Select(name => new PartyName(PartyNames.Key(name), party.Id, name)))
        {
            // A registered duplicate's names are claimed already (by it): they move to the survivor, in this transaction.
            if (duplicate.Registered is null)
            {
                session.Insert(claim);
            }
            else
            {
                session.Update(claim);
            }
        }

        if (duplicate.Registered is { } registered)
        {
            session.Events.Append(registered.Id, registered.Version + 1, new PartyMergedInto(registered.Id, party.Id, merged.OccurredOn));
        }

        return PartyWritten.Appending(party, merged);
    }
}
