using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Negotiations.Deals;
using Negotiations.Deals.GettingClaims;
using Weasel.Postgresql.Tables;

namespace Negotiations.Sources;

/// <summary>Every claim one deal holds, with its verdict (<see cref="ClaimVerdicts"/>): one document per deal.</summary>
public sealed record DealSourceClaims(Guid Id, string[] PublicationKeys, IReadOnlyList<SourceClaim> Claims);

/// <summary>
/// Keeps <see cref="DealSourceClaims"/> (async, run by the daemon). A verdict depends on reports recorded after the
/// claim (a confirmation, a correction, a retraction), so a deal's claims are judged again from its events up to the
/// batch's last one whenever a batch touches it; the track records add them up per publication at read time, in SQL.
/// </summary>
public sealed class SourceClaimsProjection : IProjection
{
    public const string Name = "DealSourceClaims";

    public static void Configure(StoreOptions options)
    {
        options.Projections.Add(new SourceClaimsProjection(), ProjectionLifecycle.Async, Name);
        options.Schema.For<DealSourceClaims>()
            .Duplicate(x => x.PublicationKeys, "text[]", configure: index => index.Method = IndexMethod.gin);
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var (id, stream) in await TouchedDeals.ReadAsync(operations, events, cancellation))
        {
            if (Document(id, stream) is { } document)
            {
                operations.Store(document);
            }
        }
    }

    /// <summary>The deal's document after the given events (from version 1 on), or null when they hold no claims.</summary>
    public static DealSourceClaims? Document(Guid id, IReadOnlyCollection<IEvent> events)
    {
        if (DealClaims.From(id, events) is not { } claims)
        {
            return null;
        }

        var verdicts = ClaimVerdicts.Of(id, claims);
        return new DealSourceClaims(id, [.. verdicts.Select(v => v.PublicationKey).Distinct()], verdicts);
    }
}
