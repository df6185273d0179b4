using Alba;
using Negotiations.Rounds;
using Negotiations.Rounds.GettingRoundBook;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Rounds;

/// <summary>The rounds' language over HTTP, for integration tests.</summary>
public static class RoundScenarios
{
    public static readonly Guid UnknownRoundId = Guid.Parse("0199a7b6-ffff-7000-8000-00000000eeee");

    /// <summary>29 Jan 2026, WSJ: OpenAI raising about $100B at about $830B post-money.</summary>
    public static object NewRound(string company = "OpenAI", object? source = null) => new
    {
        company,
        target = Usd(100_000_000_000m, "About"),
        valuation = new { value = 830_000_000_000m, currency = "USD", qualifier = "About", basis = "PostMoney" },
        summary = "OpenAI seeks about $100B; Amazon the largest contributor",
        source = source ?? Source(),
    };

    public static async Task<RoundOpened> ReportRound(this IAlbaHost host, object? body = null) =>
        await (await host.Post("/api/rounds", body ?? NewRound(), 201)).ReadAs<RoundOpened>();

    public static async Task<long> JoinRound(this IAlbaHost host, Guid deal, Guid round, object? source = null) =>
        (await (await host.Post($"/api/deals/{deal}/round", new { round, source = source ?? Source() }, 200)).ReadAs<Negotiations.Deals.DealWritten>()).Version;

    public static Task<RoundBook> GetRoundBook(this IAlbaHost host, Guid id, string query = "") =>
        host.GetAs<RoundBook>($"/api/rounds/{id}{(query.Length > 0 ? "?" + query : "")}");
}
