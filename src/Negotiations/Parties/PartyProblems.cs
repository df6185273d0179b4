using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;

namespace Negotiations.Parties;

/// <summary>The party-worded answers: an unknown party, a name another party owns, a write the party's state refuses.</summary>
public static class PartyProblems
{
    public const string UnknownParty = "No party with id {Id} exists.";

    public const string ConflictTitle = "The request conflicts with the party's current state.";

    public static ProblemDetails NotFound(Guid id) => Problems.NotFound(UnknownParty.Replace("{Id}", id.ToString(), StringComparison.Ordinal));

    public static ProblemDetails Conflict(string detail, long? currentVersion = null) => Problems.Conflict(ConflictTitle, detail, currentVersion);

    /// <summary>The name is another party's: the 409 names the owner (its id and canonical name).</summary>
    public static ProblemDetails NameTaken(string name, Guid owner, string ownerName) =>
        Conflict($"'{name}' is already a name of party {owner} ({ownerName}): a name belongs to one party. " +
            "If they are the same party, merge one into the other.");

    /// <summary>Two requests changed parties' names at the same time and this one lost: nothing of it was recorded.</summary>
    public static ProblemDetails ConcurrentChange() =>
        Conflict("Another request recorded the same party or name at the same time: nothing was recorded; reload and try again.");
}
