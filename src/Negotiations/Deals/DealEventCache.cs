using System.Globalization;
using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten;

namespace Negotiations.Deals;

/// <summary>
/// The events of recently touched deals, kept in memory for the async views computed again per deal (search, sources;
/// see <see cref="TouchedDeals"/>), so that a daemon batch normally needs no read of whole streams: a deal's events up to
/// the batch's last one are the cached events before the batch's first one plus the batch's own. Stored events never
/// change, so an entry stays true; what could make it wrong is data deleted and written again under the same stream id
/// (tests' resets), so each entry is checked against every batch event it overlaps by event id, and any doubt (a gap, a
/// mismatch, versions out of line) answers "not cached", which reads the database as before. Bounded by a total count
/// of events, least recently used deal evicted first. One cache per document store (a process may hold several hosts).
/// </summary>
public sealed class DealEventCache(int capacity)
{
    /// <summary>
    /// Events held at most by default: a 10,000-event deal and the recent others. An event as read takes ~0.7 KB (a terms
    /// event with its metadata, measured), so ~14 MB when full: the service stays inside its 250 MB under load.
    /// </summary>
    public const int DefaultCapacity = 20_000;

    /// <summary>The setting that overrides <see cref="DefaultCapacity"/> (0 turns the cache off).</summary>
    public const string CapacitySetting = "Views:CachedDealEvents";

    /// <summary>One cache per store, keyed by the store's options (<see cref="Configure"/> attaches it before the store exists).</summary>
    private static readonly ConditionalWeakTable<object, DealEventCache> Stores = [];

    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, LinkedListNode<(Guid Deal, IEvent[] Events)>> _entries = [];
    private readonly LinkedList<(Guid Deal, IEvent[] Events)> _recency = []; // most recently used first
    private long _count;
    private long _hits;
    private long _misses;

    /// <summary>Events held at most.</summary>
    public int Capacity => capacity;

    /// <summary>Gives the store these options will build a cache of <paramref name="capacity"/> events.</summary>
    public static void Configure(StoreOptions options, int capacity) => Stores.AddOrUpdate(options, new DealEventCache(capacity));

    /// <summary>The cache of one document store's events.</summary>
    public static DealEventCache Of(IDocumentStore store) => Stores.GetValue(store.Options, _ => new DealEventCache(DefaultCapacity));

    /// <summary>Reads <see cref="CapacitySetting"/>: a whole number of events, 0 … 10,000,000.</summary>
    public static int CapacityFrom(IConfiguration configuration)
    {
        var text = configuration[CapacitySetting];
        if (text is null)
        {
            return DefaultCapacity;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var events) && events <= 10_000_000
            ? events
            : throw new Infrastructure.StartupRefusedException($"{CapacitySetting} must be a number of events between 0 and 10000000; it is '{text}'.");
    }

    /// <summary>Events held, over all deals.</summary>
    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Batches of a deal answered without a read, and not (since the start, for tests and diagnosis).</summary>
    public (long Hits, long Misses) Answers => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    /// <summary>How many events of the deal are held (0 when none).</summary>
    public int Held(Guid deal)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(deal, out var node) ? node.Value.Events.Length : 0;
        }
    }

    /// <summary>Forgets everything: after stream data was deleted (a reset), an id may come back with other events.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            _recency.Clear();
            _count = 0;
        }
    }

    /// <summary>
    /// The deal's events from version 1 to the last of <paramref name="batch"/> (the batch's events of that deal, in version
    /// order), when the cache can tell them without a read: the batch starts at version 1, or the cache holds versions
    /// 1 … F-1 at least (F the batch's first) and agrees with the batch where they overlap. Null otherwise.
    /// </summary>
    public IReadOnlyList<IEvent>? TryCompose(Guid deal, IReadOnlyList<IEvent> batch)
    {
        var events = Compose(deal, batch);
        Interlocked.Increment(ref events is null ? ref _misses : ref _hits);
        return events;
    }

    private IReadOnlyList<IEvent>? Compose(Guid deal, IReadOnlyList<IEvent> batch)
    {
        if (!IsRun(batch, batch.Count > 0 ? batch[0].Version : 0))
        {
            return null;
        }

        var (first, last) = (batch[0].Version, batch[^1].Version);
        if (first == 1)
        {
            var whole = batch.ToArray();
            Keep(deal, whole);
            return whole;
        }

        lock (_lock)
        {
            if (!_entries.TryGetValue(deal, out var node) || node.Value.Events.Length < first - 1)
            {
                return null;
            }

            var cached = node.Value.Events;
            if (!Agree(cached, batch))
            {
                Remove(node);
                return null;
            }

            Touch(node);
            if (cached.Length >= last)
            {
                // A view behind another: a prefix of what the other has already seen.
                return new ArraySegment<IEvent>(cached, 0, (int)last);
            }

            var composed = new IEvent[last];
            Array.Copy(cached, composed, first - 1);
            for (var i = 0; i < batch.Count; i++)
            {
                composed[first - 1 + i] = batch[i];
            }

            Put(node, composed);
            return composed;
        }
    }

    /// <summary>
    /// Keeps a deal's events as read from the database (versions 1 … n, in order). An entry that agrees with them and is
    /// longer stays; one that disagrees is replaced; events that are not such a run are not kept, and drop the entry.
    /// </summary>
    public void Store(Guid deal, IReadOnlyList<IEvent> events) => Keep(deal, [.. events]);

    private void Keep(Guid deal, IEvent[] events)
    {
        lock (_lock)
        {
            _entries.TryGetValue(deal, out var node);
            if (!IsRun(events, 1) || events.Length > capacity)
            {
                if (node is not null)
                {
                    Remove(node);
                }

                return;
            }

            if (node is null)
            {
                node = _recency.AddFirst((deal, events));
                _entries[deal] = node;
                _count += events.Length;
            }
            else if (Agree(node.Value.Events, events) && node.Value.Events.Length >= events.Length)
            {
                Touch(node);
            }
            else
            {
                Touch(node);
                Put(node, events);
            }

            while (_count > capacity && _recency.Last is { } oldest)
            {
                Remove(oldest);
            }
        }
    }

    /// <summary>Whether the events are versions start, start+1, … with none missing or repeated.</summary>
    private static bool IsRun(IReadOnlyList<IEvent> events, long start)
    {
        if (events.Count == 0 || start < 1)
        {
            return false;
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Version != start + i)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the cached events and a run of events are the same events wherever their versions overlap.</summary>
    private static bool Agree(IEvent[] cached, IReadOnlyList<IEvent> run)
    {
        var first = run[0].Version;
        for (var version = first; version <= Math.Min(cached.Length, run[^1].Version); version++)
        {
            var (held, given) = (cached[version - 1], run[(int)(version - first)]);
            if (held.Id != given.Id || held.Id == Guid.Empty)
            {
                return false;
            }
        }

        return true;
    }

    private void Touch(LinkedListNode<(Guid Deal, IEvent[] Events)> node)
    {
        _recency.Remove(node);
        _recency.AddFirst(node);
    }

    private void Put(LinkedListNode<(Guid Deal, IEvent[] Events)> node, IEvent[] events)
    {
        _count += events.Length - node.Value.Events.Length;
        node.Value = (node.Value.Deal, events);
        while (_count > capacity && _recency.Last is { } oldest && oldest != node)
        {
            Remove(oldest);
        }

        if (_count > capacity)
        {
            Remove(node);
        }
    }

    private void Remove(LinkedListNode<(Guid Deal, IEvent[] Events)> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Deal);
        _count -= node.Value.Events.Length;
    }
}
