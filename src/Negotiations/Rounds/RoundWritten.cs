using Marten;
using Wolverine.Http;

namespace Negotiations.Rounds;

/// <summary>The answer to every successful write to a round: the round and the version it is now at.</summary>
public sealed record RoundWritten(Guid Id, long Version)
{
    /// <summary>Appends one event to the round, refused by the store (409) if another write got there first.</summary>
    public static RoundWritten Appending(Round round, IDocumentSession session, IRoundEvent e)
    {
        session.Events.Append(round.Id, round.Version + 1, e);
        return new RoundWritten(round.Id, round.Version + 1);
    }
}

/// <summary>The answer to reporting a round: 201, <c>Location: /api/rounds/{id}</c>, and the new round's id and version.</summary>
public sealed record RoundOpened(Guid Id, long Version) : CreationResponse($"/api/rounds/{Id}");
