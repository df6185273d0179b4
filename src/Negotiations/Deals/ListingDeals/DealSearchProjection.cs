using JasperFx.Events;
using Marten;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Weasel.Postgresql.Tables;

namespace Negotiations.Deals.ListingDeals;

/// <summary>
/// Keeps <see cref="DealSearchEntry"/> (async, run by the daemon): for every deal a batch of events touches, the entry
/// is computed again from the deal's events up to the batch's last one — a correction or a report recorded late can
/// change anything before it, so the entry is never patched. One read of those deals' events per batch.
/// </summary>
public sealed class DealSearchProjection : IProjection
{
    public const string Name = "DealSearchEntry";

    /// <summary>The text search configuration of the index and of every query that must use it.</summary>
    public const string TextConfiguration = "english";

    /// <summary>
    /// The view and its table: the filtered and sorted members duplicated into columns with b-tree indexes, party keys and
    /// role keys as text[] columns with GIN indexes (matched with <c>&amp;&amp;</c>), and a GIN full-text index over
    /// <c>to_tsvector('english', searchText)</c>.
    /// </summary>
    public static void Configure(StoreOptions options)
    {
        options.Projections.Add(new DealSearchProjection(), ProjectionLifecycle.Async, Name);
        options.Schema.For<DealSearchEntry>()
            .Duplicate(x => x.Status)
            .Duplicate(x => x.Kind)
            .Duplicate(x => x.Title)
            .Duplicate(x => x.OpenedOn)
            .Duplicate(x => x.LastActivityOn)
            .Duplicate(x => x.Currency)
            .Duplicate(x => x.AmountLow)
            .Duplicate(x => x.AmountHigh)
            .Duplicate(x => x.Round)
            .Duplicate(x => x.PartyKeys, "text[]", configure: index => index.Method = IndexMethod.gin)
            .Duplicate(x => x.PartyRoles, "text[]", configure: index => index.Method = IndexMethod.gin)
            .FullTextIndex(TextConfiguration, x => x.SearchText);
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var (id, stream) in await TouchedDeals.ReadAsync(operations, events, cancellation))
        {
            if (DealSearchEntry.From(id, stream) is { } entry)
            {
                operations.Store(entry);
            }
        }
    }
}
