using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Parties.Registering;

/// <summary>
/// Registers a party under its canonical name, with its kind and any aliases. A name seen in deals (a first-sight party)
/// becomes this party's: its deals are this party's, and its first-sight id answers with this party.
/// </summary>
public sealed record RegisterParty(
    string Name,
    PartyKind Kind,
    IReadOnlyList<string>? Aliases = null,
    Source? Source = null,
    DateOnly? OccurredOn = null);

/// <summary>The answer to registering: 201, <c>Location: /api/parties/{id}</c>, the party's id and version.</summary>
public sealed record PartyCreated(Guid Id, long Version) : CreationResponse($"/api/parties/{Id}");

public static class RegisterPartyEndpoint
{
    public const int MaxAliases = 50;

    // Stryker disable all : database reads; the API tests cover them
    public static async Task<IReadOnlyList<(string Name, NameOwner? Owner)>> LoadAsync(RegisterParty command, IQuerySession session, CancellationToken cancellationToken)
    {
        var owners = new List<(string, NameOwner?)>();
        foreach (var name in Names(command).Where(n => !string.IsNullOrWhiteSpace(n)).Take(MaxAliases + 1))
        {
            owners.Add((name, await PartyNameOwners.FindAsync(session, name, cancellationToken)));
        }

        return owners;
    }
    // Stryker restore all

    public static ProblemDetails Validate(RegisterParty command, IReadOnlyList<(string Name, NameOwner? Owner)> owners, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Name, "name", TextLimits.Name);
        var aliases = command.Aliases ?? [];
        errors.Require(aliases.Count <= MaxAliases, "aliases", $"'aliases' may list at most {MaxAliases} names.");
        for (var i = 0; i < Math.Min(aliases.Count, MaxAliases); i++)
        {
            errors.RequireText(aliases[i], $"aliases[{i}]", TextLimits.Name);
        }

        CheckRecord(command.Source, command.OccurredOn, now, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var keys = Names(command).Select(PartyNames.Key).ToList();
        errors.Require(keys.Distinct().Count() == keys.Count, "aliases",
            "'aliases' must not repeat the name or each other (names are compared ignoring case, accents and spacing).");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        // The canonical name's own first sight becomes this party; any other owner of any of the names refuses it (an
        // alias seen in deals is a party of its own: merge it instead).
        var canonical = PartyNames.Key(command.Name);
        return owners.FirstOrDefault(o => o.Owner is { } owner && !(owner.FirstSight && PartyNames.Key(o.Name) == canonical)) is { Owner: { } taken } clash
            ? PartyProblems.NameTaken(clash.Name.Trim(), taken.PartyId, taken.Name)
            : WolverineContinue.NoProblems;
    }

    /// <summary>A party record's optional source and date (default: the source's date, else today).</summary>
    public static void CheckRecord(Source? source, DateOnly? occurredOn, DateTimeOffset now, ValidationErrors errors)
    {
        var latest = Dates.LatestAllowed(now);
        if (source is not null)
        {
            Source.Check(source, "source", latest, errors);
        }

        if (occurredOn is { } date)
        {
            Dates.Check(date, "occurredOn", latest, errors);
        }
    }

    public static DateOnly On(Source? source, DateOnly? occurredOn, DateTimeOffset now) =>
        occurredOn ?? source?.PublishedOn ?? DateOnly.FromDateTime(now.UtcDateTime);

    public static PartyRegistered Decide(RegisterParty command, Guid id, DateTimeOffset now) => new(
        id, command.Name.Trim(), command.Kind, [.. (command.Aliases ?? []).Select(a => a.Trim())],
        On(command.Source, command.OccurredOn, now), command.Source);

    [EndpointSummary("Register a party")]
    [WolverinePost("/api/parties")]
    public static (PartyCreated, IStartStream) Post(RegisterParty command, IDocumentSession session, TimeProvider clock)
    {
        var registered = Decide(command, Guid.CreateVersion7(), clock.GetUtcNow());
        foreach (var name in registered.Aliases.Prepend(registered.Name))
        {
            session.Insert(new PartyName(PartyNames.Key(name), registered.PartyId, name));
        }

        return (new PartyCreated(registered.PartyId, 1), MartenOps.StartStream<PartyState>(registered.PartyId, registered));
    }

    private static IEnumerable<string> Names(RegisterParty command) => (command.Aliases ?? []).Prepend(command.Name).Where(n => n is not null);
}
