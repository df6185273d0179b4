using JasperFx.Events;
using Wolverine.Http;

namespace Negotiations.Rounds;

/// <summary>The answer to every successful write to a round: the round and the version it is now at.</summary>
public sealed record RoundWritten(Guid Id, long Version)
{
    /// <summary>Appends one event to the round's stream, locked since it was loaded (see <see cref="RoundTimeline.LockAsync"/>).</summary>
    public static RoundWritten Appending(IEventStream<Round> stream, IRoundEvent e)
    {
        stream.AppendOne(e);
        return new RoundWritten(stream.Id, stream.Aggregate!.Version + 1);
    }
}

/// <summary>The answer to reporting a round: 201, <c>Location: /api/rounds/{id}</c>, and the new round's id and version.</summary>
public sealed record RoundOpened(Guid Id, long Version) : CreationResponse($"/api/rounds/{Id}");
