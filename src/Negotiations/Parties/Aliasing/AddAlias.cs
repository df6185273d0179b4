using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Negotiations.Parties.Registering;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Parties.Aliasing;

/// <summary>Another name of the party ("Amazon.com, Inc."). A name another party owns is refused, naming that party.</summary>
public sealed record AddAlias(
    string Alias,
    Source? Source = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class AddAliasEndpoint
{
    // Stryker disable all : a database read; the API tests cover it
    public static async Task<NameOwner?> LoadAsync(AddAlias command, IQuerySession session, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(command.Alias) ? null : await PartyNameOwners.FindAsync(session, command.Alias, cancellationToken);
    // Stryker restore all

    public static ProblemDetails Validate(AddAlias command, PartyState party, NameOwner? owner, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Alias, "alias", TextLimits.Name);
        RegisterPartyEndpoint.CheckRecord(command.Source, command.OccurredOn, now, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return PartyWritten.Allows(party, command.ExpectedVersion) is var refused && !ReferenceEquals(refused, WolverineContinue.NoProblems) ? refused
            : party.HasName(command.Alias) ? PartyProblems.Conflict($"'{command.Alias.Trim()}' is already a name of party {party.Id} ({party.Name}).", party.Version)
            : owner is not null ? PartyProblems.NameTaken(command.Alias.Trim(), owner.PartyId, owner.Name)
            : WolverineContinue.NoProblems;
    }

    public static PartyAliasAdded Decide(AddAlias command, PartyState party, DateTimeOffset now) =>
        new(party.Id, command.Alias.Trim(), RegisterPartyEndpoint.On(command.Source, command.OccurredOn, now), command.Source);

    [EndpointSummary("Add an alias to a party")]
    [WolverinePost("/api/parties/{id}/aliases")]
    public static (PartyWritten, Events) Post(AddAlias command, [WriteParty] PartyState party, IDocumentSession session, TimeProvider clock)
    {
        var added = Decide(command, party, clock.GetUtcNow());
        session.Insert(new PartyName(PartyNames.Key(added.Alias), party.Id, added.Alias));
        return PartyWritten.Appending(party, added);
    }
}
