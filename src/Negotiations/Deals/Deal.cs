using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals;

public enum DealStatus { InTalks, TermsProposed, Closed, Abandoned }

/// <summary>
/// The slim write-side state that decisions need: where the deal stands and at which version. Immutable; the event
/// store folds it from the stream (kept as an inline snapshot) and handlers never change it, they return events.
/// </summary>
public sealed record Deal(Guid Id, DealStatus Status, long Version)
{
    public static Deal Create(IEvent<TalksReported> e) => new(e.StreamId, DealStatus.InTalks, e.Version);

    public Deal Apply(IEvent<TalksReported> e) => this with { Status = DealStatus.InTalks, Version = e.Version };

    public Deal Apply(IEvent<TermsProposed> e) => this with { Status = DealStatus.TermsProposed, Version = e.Version };

    public Deal Apply(IEvent<StakeRevised> e) => this with { Status = DealStatus.TermsProposed, Version = e.Version };

    public Deal Apply(IEvent<DealClosed> e) => this with { Status = DealStatus.Closed, Version = e.Version };

    public Deal Apply(IEvent<DealAbandoned> e) => this with { Status = DealStatus.Abandoned, Version = e.Version };

    /// <summary>
    /// The rules every write to an existing deal obeys: a stale <paramref name="expectedVersion"/> is refused, a closed
    /// deal takes nothing more, and an abandoned one only a new report of talks (which revives it).
    /// </summary>
    public ProblemDetails CheckWrite(long? expectedVersion, string action, bool revives = false)
    {
        if (expectedVersion is not null && expectedVersion != Version)
        {
            return Problems.Conflict(
                $"Deal {Id} is at version {Version}, not the expected version {expectedVersion}: reload it and decide again.", Version);
        }

        return Status switch
        {
            DealStatus.Closed => Problems.Conflict($"Deal {Id} is closed; a closed deal cannot {action}.", Version),
            DealStatus.Abandoned when !revives => Problems.Conflict(
                $"Deal {Id} is abandoned; it cannot {action} until talks are reported again.", Version),
            _ => WolverineContinue.NoProblems,
        };
    }
}
