using Wolverine.Marten;

namespace Negotiations.Parties;

/// <summary>The answer to every successful write to a party: its id and the version it is now at.</summary>
public sealed record PartyWritten(Guid Id, long Version)
{
    public static (PartyWritten, Events) Appending(PartyState party, object e) => (new PartyWritten(party.Id, party.Version + 1), [e]);

    /// <summary>The rules every write to a registered party obeys: the expected version, and no writes to a merged-away party.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails Allows(PartyState party, long? expectedVersion) =>
        expectedVersion is not null && expectedVersion != party.Version
            ? PartyProblems.Conflict($"Party {party.Id} is at version {party.Version}, not the expected version {expectedVersion}: reload it and decide again.", party.Version)
            : party.MergedInto is { } survivor
                ? PartyProblems.Conflict($"Party {party.Id} ({party.Name}) was merged into party {survivor}: record this there.", party.Version)
                : Wolverine.Http.WolverineContinue.NoProblems;
}
