using JasperFx.Events;
using Microsoft.Extensions.Configuration;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Deals;

/// <summary>
/// The views' cache of deal events (<see cref="DealEventCache"/>): what it answers must always be the deal's events from
/// version 1 to the batch's last, the same objects in the same order as a read would give, and any doubt must answer null
/// (then the caller reads the database).
/// </summary>
public class DealEventCacheTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();

    /// <summary>A deal's stream as stored: versions 1 … count, each event with an id of its own.</summary>
    private static IEvent[] Stream(Guid deal, int count) =>
        [.. Enumerable.Range(1, count).Select(version => (IEvent)new Event<string>($"event {version}") { Id = Guid.NewGuid(), StreamId = deal, Version = version })];

    private static IEvent[] Versions(IEvent[] stream, int first, int last) => stream[(first - 1)..last];

    [Fact]
    public void a_batch_following_what_is_held_gives_the_held_events_then_the_batchs_own()
    {
        var cache = new DealEventCache(100);
        var stream = Stream(A, 5);
        cache.Store(A, Versions(stream, 1, 3));

        var events = cache.TryCompose(A, Versions(stream, 4, 5));

        Assert.Equal(stream, events);
        Assert.Equal(5, cache.Held(A));
    }

    [Fact]
    public void a_batch_overlapping_what_is_held_with_the_same_events_gives_them_once()
    {
        var cache = new DealEventCache(100);
        var stream = Stream(A, 5);
        cache.Store(A, Versions(stream, 1, 3));

        Assert.Equal(stream, cache.TryCompose(A, Versions(stream, 3, 5)));
    }

    [Fact]
    public void a_deal_not_held_is_not_known()
    {
        var cache = new DealEventCache(100);
        var stream = Stream(A, 5);
        cache.Store(B, Stream(B, 3));

        Assert.Null(cache.TryCompose(A, Versions(stream, 2, 3)));
        Assert.Equal(0, cache.Held(A));
    }

    [Fact]
    public void a_gap_between_what_is_held_and_the_batch_is_not_known_and_keeps_the_entry()
    {
        var cache = new DealEventCache(100);
        var stream = Stream(A, 6);
        cache.Store(A, Versions(stream, 1, 2));

        Assert.Null(cache.TryCompose(A, Versions(stream, 4, 6)));
        Assert.Equal(2, cache.Held(A));
    }

    [Fact]
    public void a_batch_with_a_version_missing_or_repeated_is_not_known()
    {
        var cache = new DealEventCache(100);
        var stream = Stream(A, 6);
        cache.Store(A, Versions(stream, 1, 3));

        Assert.Null(cache.TryCompose(A, [stream[3], stream[5]]));
        Assert.Null(cache.TryCompose(A, [stream[3], stream[3]]));
        Assert.Null(cache.TryCompose(A, []));
    }

    [Fact]
    public void a_view_behind_another_gets_a_prefix_of_what_the_other_has_seen_and_the_entry_stays_whole()
    {
        var cache = new DealEventCache(100);
        var stream = Stream(A, 8);
        cache.Store(A, stream);

        var events = cache.TryCompose(A, Versions(stream, 3, 4));

        Assert.Equal(Versions(stream, 1, 4), events);
        Assert.Equal(8, cache.Held(A));
        Assert.Equal(Versions(stream, 1, 8), cache.TryCompose(A, Versions(stream, 5, 8)));
    }

    [Fact]
    public void a_batch_that_disagrees_with_what_is_held_is_not_known_and_drops_the_entry()
    {
        var cache = new DealEventCache(100);
        cache.Store(A, Stream(A, 6));
        var other = Stream(A, 6); // the same stream id written again with other events (after a reset)

        Assert.Null(cache.TryCompose(A, Versions(other, 3, 4)));
        Assert.Equal(0, cache.Held(A));
    }

    [Fact]
    public void a_batch_from_version_1_is_the_whole_answer_and_replaces_an_entry_of_other_events()
    {
        var cache = new DealEventCache(100);
        cache.Store(A, Stream(A, 6));
        var other = Stream(A, 4);

        Assert.Equal(Versions(other, 1, 2), cache.TryCompose(A, Versions(other, 1, 2)));
        Assert.Equal(2, cache.Held(A));
        Assert.Equal(other, cache.TryCompose(A, Versions(other, 3, 4)));
    }

    [Fact]
    public void a_batch_from_version_1_of_the_same_events_keeps_the_longer_entry_of_a_view_ahead()
    {
        var cache = new DealEventCache(100);
        var stream = Stream(A, 6);
        cache.Store(A, stream);

        Assert.Equal(Versions(stream, 1, 2), cache.TryCompose(A, Versions(stream, 1, 2)));
        Assert.Equal(6, cache.Held(A));
    }

    [Fact]
    public void a_read_keeps_the_longer_of_two_agreeing_runs_and_replaces_a_disagreeing_one()
    {
        var cache = new DealEventCache(100);
        var stream = Stream(A, 6);
        cache.Store(A, Versions(stream, 1, 2));
        cache.Store(A, stream);
        cache.Store(A, Versions(stream, 1, 3));
        Assert.Equal(6, cache.Held(A));

        var other = Stream(A, 3);
        cache.Store(A, other);
        Assert.Equal(3, cache.Held(A));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void a_read_that_is_not_a_run_from_version_1_is_not_kept_and_drops_the_entry()
    {
        var cache = new DealEventCache(100);
        var stream = Stream(A, 6);
        cache.Store(A, Versions(stream, 1, 3));

        cache.Store(A, [stream[0], stream[2]]);

        Assert.Equal(0, cache.Held(A));
        cache.Store(A, Versions(stream, 2, 4));
        Assert.Equal(0, cache.Held(A));
    }

    [Fact]
    public void past_its_size_the_least_recently_used_deal_goes_first()
    {
        var cache = new DealEventCache(10);
        var (a, b, c) = (Stream(A, 5), Stream(B, 4), Stream(C, 4));
        cache.Store(A, Versions(a, 1, 4));
        cache.Store(B, b);
        Assert.NotNull(cache.TryCompose(A, Versions(a, 5, 5))); // A used after B

        cache.Store(C, c);

        Assert.Equal((5, 0, 4), (cache.Held(A), cache.Held(B), cache.Held(C)));
        Assert.Equal(9, cache.Count);
    }

    [Fact]
    public void growing_one_deal_past_the_size_evicts_others_not_it()
    {
        var cache = new DealEventCache(10);
        var (a, b) = (Stream(A, 8), Stream(B, 4));
        cache.Store(B, b);
        cache.Store(A, Versions(a, 1, 4));

        Assert.Equal(a, cache.TryCompose(A, Versions(a, 5, 8)));

        Assert.Equal((8, 0), (cache.Held(A), cache.Held(B)));
        Assert.Equal(8, cache.Count);
    }

    [Fact]
    public void a_deal_longer_than_the_whole_cache_is_answered_but_not_kept()
    {
        var cache = new DealEventCache(4);
        var a = Stream(A, 6);
        cache.Store(A, Versions(a, 1, 3));

        Assert.Equal(a, cache.TryCompose(A, Versions(a, 4, 6)));
        Assert.Equal(0, cache.Held(A));
        cache.Store(A, a);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void an_event_without_an_id_is_never_trusted()
    {
        var cache = new DealEventCache(100);
        var stream = Stream(A, 4);
        stream[2].Id = Guid.Empty;
        cache.Store(A, stream);

        Assert.Null(cache.TryCompose(A, Versions(stream, 3, 4)));
    }

    [Fact]
    public void clear_forgets_everything()
    {
        var cache = new DealEventCache(100);
        var stream = Stream(A, 4);
        cache.Store(A, Versions(stream, 1, 3));

        cache.Clear();

        Assert.Equal(0, cache.Count);
        Assert.Null(cache.TryCompose(A, Versions(stream, 4, 4)));
    }

    [Fact]
    public void the_store_built_from_configured_options_has_a_cache_of_that_size_and_another_store_the_default()
    {
        var options = new Marten.StoreOptions();
        options.Connection("Host=127.0.0.1;Database=never-opened");
        DealEventCache.Configure(options, 3);
        using var configured = new Marten.DocumentStore(options);
        var other = new Marten.StoreOptions();
        other.Connection("Host=127.0.0.1;Database=never-opened");
        using var unconfigured = new Marten.DocumentStore(other);

        Assert.Equal(3, DealEventCache.Of(configured).Capacity);
        Assert.Same(DealEventCache.Of(configured), DealEventCache.Of(configured));
        Assert.Equal(DealEventCache.DefaultCapacity, DealEventCache.Of(unconfigured).Capacity);
    }

    [Theory]
    [InlineData(null, DealEventCache.DefaultCapacity)]
    [InlineData("0", 0)]
    [InlineData("200000", 200_000)]
    public void the_size_setting_is_a_count_of_events(string? setting, int expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DealEventCache.CapacitySetting] = setting }).Build();

        Assert.Equal(expected, DealEventCache.CapacityFrom(configuration));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("many")]
    [InlineData("10000001")]
    public void a_size_setting_out_of_range_refuses_the_start(string setting)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DealEventCache.CapacitySetting] = setting }).Build();

        Assert.Throws<StartupRefusedException>(() => DealEventCache.CapacityFrom(configuration));
    }
}
