using System.Globalization;
using System.Net.Http.Json;
using CsCheck;
using JasperFx.Events;
using Negotiations.Deals;
using Negotiations.Parties;
using Negotiations.Rounds;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Rounds.RoundScenarios;

namespace Negotiations.Tests.Reliability;

/// <summary>One generated command: its route under the aggregate, its body, and whether it races the one before it.</summary>
public sealed record ModelCommand(string Route, Func<long, object> Body, bool Races, string Text)
{
    public override string ToString() => $"{(Races ? "racing " : "")}{Route}: {Text}";
}

/// <summary>
/// Model-based tests of every aggregate: random sequences of its commands (dates in any order, so many reports are late;
/// corrections and retractions of earlier versions; writers racing each other) sent to the real API, then every answer
/// checked against a plain in-memory fold of the events the stream holds: the inline status, the async view after
/// catch-up, the as-of answers at every version and the history. No command may answer 5xx; a refusal is a 4xx. On two
/// nodes, consecutive and racing commands go to two service instances on the same database.
/// </summary>
public class ModelBasedApiTests(ApiFixture fixture, UnthrottledHost unthrottled) : ApiTest(fixture), IClassFixture<UnthrottledHost>
{
    private const int Sequences = 12;

    private new Alba.IAlbaHost Host => unthrottled.Host;

    /// <summary>How many service instances on the one database take the commands: one, or two (each with its own memory and daemon).</summary>
    private int _nodes = 1;

    private static readonly Gen<string> Day = Gen.Int[0, 120].Select(days => new DateOnly(2026, 1, 1).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static readonly Gen<object> Amount = Gen.Select(Gen.Int[1, 90], Gen.OneOf("Exact", "About", "UpTo", "AtLeast"),
        (billions, qualifier) => (object)new { value = billions * 1_000_000_000m, currency = "USD", qualifier });

    /// <summary>Not a command: the async views catch up here, so a later write loads a stored view and the events after it.</summary>
    private static readonly ModelCommand CatchUp = new("", _ => new { }, false, "the views catch up");

    private static readonly Gen<bool> Racing = Gen.Int[0, 4].Select(n => n == 0);

    private static readonly Gen<ModelCommand> DealCommand = Gen.Int[0, 10].SelectMany(kind => kind switch
    {
        10 => Gen.Const(CatchUp),
        0 or 1 => Gen.Select(Amount, Day, Racing, (amount, day, races) => new ModelCommand("terms", _ => new { amount, source = Source(publishedOn: day) }, races, $"terms {day}")),
        2 => Gen.Select(Amount, Day, Racing, (amount, day, races) => new ModelCommand("stake", _ => new { reason = "revised", amount, source = Source(publishedOn: day) }, races, $"stake {day}")),
        3 => Gen.Select(Amount, Day, Racing, (amount, day, races) => new ModelCommand("talks", _ => new { amount, source = Source(publishedOn: day) }, races, $"talks {day}")),
        4 => Gen.Select(Gen.Int[1, 8], Amount, Racing, (version, amount, races) => new ModelCommand("corrections", known => new { correctsVersion = Math.Min(version, known), reason = "typo", amount }, races, $"correct v{version}")),
        5 => Gen.Select(Gen.Int[1, 8], Day, Racing, (version, day, races) => new ModelCommand("retractions", known => new { retractsVersion = Math.Min(version, known), reason = "withdrawn", source = Source(publishedOn: day) }, races, $"retract v{version} {day}")),
        6 => Gen.Select(Day, Racing, (day, races) => new ModelCommand("abandon", _ => new { reason = "talks ended", source = Source(publishedOn: day) }, races, $"abandon {day}")),
        7 => Gen.Select(Amount, Day, Racing, (amount, day, races) => new ModelCommand("close", _ => new { finalAmount = amount, source = Source(publishedOn: day) }, races, $"close {day}")),
        _ => Gen.Select(Day, Racing, (day, races) => new ModelCommand("questions", _ => new { topic = "Governance", text = "Board seat?", source = Source(publishedOn: day) }, races, $"question {day}")),
    });

    private static readonly Gen<ModelCommand> RoundCommand = Gen.Int[0, 6].SelectMany(kind => kind switch
    {
        6 => Gen.Const(CatchUp),
        < 3 => Gen.Select(Amount, Day, Racing, (target, day, races) => new ModelCommand("revisions", _ => new { target, source = Source(publishedOn: day) }, races, $"revise {day}")),
        3 => Gen.Select(Amount, Day, Racing, (amount, day, races) => new ModelCommand("closings", _ => new { amount, source = Source(publishedOn: day) }, races, $"closing {day}")),
        4 => Gen.Select(Amount, Day, Racing, (amount, day, races) => new ModelCommand("close", _ => new { finalAmount = amount, source = Source(publishedOn: day) }, races, $"close {day}")),
        _ => Gen.Select(Day, Racing, (day, races) => new ModelCommand("abandon", _ => new { reason = "pulled", source = Source(publishedOn: day) }, races, $"abandon {day}")),
    });

    private static readonly Gen<ModelCommand> PartyCommand = Gen.Int[0, 2].SelectMany(kind => kind switch
    {
        0 => Gen.Int[0, 5].Select(Gen.Bool, (n, races) => new ModelCommand("aliases", _ => new { alias = $"Alias {n}" }, races, $"alias {n}")),
        _ => Gen.Int[0, 5].Select(Gen.Bool, (n, races) => new ModelCommand("aliases", _ => new { alias = $"Other name {n}" }, races, $"alias other {n}")),
    });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task deals_given_random_commands_with_late_reports_corrections_retractions_and_races_always_equal_the_fold(int nodes)
    {
        _nodes = nodes;
        var commands = 0;
        await Gen.Select(Day, DealCommand.List[1, 10]).SampleAsync(async sample =>
        {
            var (opened, sequence) = sample;
            var deal = (await Host.ReportNewDeal(new
            {
                title = "Model deal",
                kind = "Investment",
                parties = new[] { new { name = "Amazon", role = "Investor" }, new { name = "OpenAI", role = "Target" } },
                amount = new { value = 10_000_000_000m, currency = "USD", qualifier = "AtLeast" },
                source = Source(publishedOn: opened),
            })).Id;
            commands += 1 + await SendAsync($"/api/deals/{deal}", sequence);

            var stream = await StreamAsync(deal);
            var model = DealTimeline.Fold(deal, stream)!;
            Assert.Equal(TestJson.Serialize(model), TestJson.Serialize(await Host.GetDeal(deal)));
            foreach (var version in Enumerable.Range(1, stream.Count))
            {
                Assert.Equal(TestJson.Serialize(DealTimeline.Fold(deal, [.. stream.Take(version)])!), TestJson.Serialize(await Host.GetDeal(deal, $"version={version}")));
            }

            var history = await Host.GetHistory(deal);
            Assert.Equal(stream.Select(e => (e.Version, e.EventTypeName)), history.Events.Select(e => (e.Version, e.Type)));
            await WaitForViewsAsync();
            await using var session = Fixture.Store.QuerySession();
            var listed = await session.LoadAsync<Negotiations.Deals.ListingDeals.DealSearchEntry>(deal, TestContext.Current.CancellationToken);
            Assert.Equal(TestJson.Serialize(model), TestJson.Serialize(listed!.Deal));
        }, iter: Sequences, threads: 1);
        TestContext.Current.TestOutputHelper?.WriteLine($"deals on {nodes} node(s): {Sequences} sequences, {commands} commands");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task rounds_given_random_commands_with_late_reports_and_races_always_equal_the_fold(int nodes)
    {
        _nodes = nodes;
        var commands = 0;
        await Gen.Select(Day, RoundCommand.List[1, 12]).SampleAsync(async sample =>
        {
            var (opened, sequence) = sample;
            var round = (await Host.ReportRound(NewRound(source: Source(publishedOn: opened)))).Id;
            commands += 1 + await SendAsync($"/api/rounds/{round}", sequence);

            await WaitForViewsAsync();
            var stream = await StreamAsync(round);
            var model = RoundTimeline.Fold(round, stream)!;
            Assert.Equal(TestJson.Serialize(model), TestJson.Serialize((await Host.GetRoundBook(round)).Round));
            foreach (var day in stream.Select(e => ((IRoundEvent)e.Data).OccurredOn).Distinct())
            {
                var asOf = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                Assert.Equal(TestJson.Serialize(RoundTimeline.Fold(round, stream, day)!), TestJson.Serialize((await Host.GetRoundBook(round, $"occurredBy={asOf}")).Round));
            }
        }, iter: Sequences, threads: 1);
        TestContext.Current.TestOutputHelper?.WriteLine($"rounds on {nodes} node(s): {Sequences} sequences, {commands} commands");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task parties_given_random_and_racing_aliases_always_equal_the_fold(int nodes)
    {
        _nodes = nodes;
        var commands = 0;
        var serial = 0;
        await PartyCommand.List[1, 8].SampleAsync(async sequence =>
        {
            var name = $"Model Party {++serial}";
            var created = await Host.Post("/api/parties", new { name, kind = "Company" }, 201);
            var party = (await created.ReadAs<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
            var renamed = sequence.Select(c => c with { Body = _ => new { alias = $"{name} {c.Text}" } }).ToList();
            commands += 1 + await SendAsync($"/api/parties/{party}", renamed);

            var stream = await StreamAsync(party);
            var state = stream.Aggregate((PartyState?)null, (s, e) => PartyState.After(s, e.Data) is { } next ? next with { Version = e.Version } : null)!;
            await using var session = Fixture.Store.QuerySession();
            Assert.Equal(TestJson.Serialize(state), TestJson.Serialize((await session.LoadAsync<PartyState>(party, TestContext.Current.CancellationToken))!));
            await WaitForViewsAsync();
            var view = stream.Aggregate(PartyView.Empty(party), (v, e) => v.After(e.Data));
            await using var fresh = Fixture.Store.QuerySession();
            Assert.Equal(TestJson.Serialize(view), TestJson.Serialize((await fresh.LoadAsync<PartyView>(party, TestContext.Current.CancellationToken))!));
            Assert.Equal(state.Names.Distinct(StringComparer.Ordinal).Count(), state.Names.Count);
        }, iter: Sequences, threads: 1);
        TestContext.Current.TestOutputHelper?.WriteLine($"parties on {nodes} node(s): {Sequences} sequences, {commands} commands");
    }

    /// <summary>Sends the commands in order, a racing one together with the one before it; every answer 2xx or 4xx, never 5xx.</summary>
    private async Task<int> SendAsync(string aggregate, List<ModelCommand> sequence)
    {
        HttpClient[] clients = _nodes == 1 ? [Host.Server.CreateClient()] : [Host.Server.CreateClient(), Fixture.Host.Server.CreateClient()];
        var sent = 0;
        var index = 0;
        while (index < sequence.Count)
        {
            if (sequence[index] == CatchUp)
            {
                index++;
                await WaitForViewsAsync();
                continue;
            }

            var batch = new List<ModelCommand> { sequence[index++] };
            while (index < sequence.Count && sequence[index].Races && sequence[index] != CatchUp)
            {
                batch.Add(sequence[index++]);
            }

            var known = (await StreamAsync(Guid.Parse(aggregate.Split('/')[^1]))).Count;
            var answers = await Task.WhenAll(batch.Select(async (command, i) =>
            {
                var client = clients[(sent + i) % clients.Length];
                using var response = await client.PostAsJsonAsync(new Uri($"{aggregate}/{command.Route}", UriKind.Relative), command.Body(known), TestJson.Options, TestContext.Current.CancellationToken);
                return ((int)response.StatusCode, command, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            }));
            foreach (var (status, command, text) in answers)
            {
                Assert.True(status is >= 200 and < 300 or >= 400 and < 500, $"{command} on {aggregate} answered {status}: {text}");
            }

            sent += batch.Count;
        }

        return sent;
    }

    private async Task<IReadOnlyList<IEvent>> StreamAsync(Guid id)
    {
        await using var session = Fixture.Store.QuerySession();
        return await session.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken);
    }
}
