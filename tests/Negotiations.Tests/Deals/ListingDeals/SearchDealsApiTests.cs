using Negotiations.Deals.ListingDeals;
using Negotiations.Tests.Infrastructure;
using Negotiations.Tests.Rounds;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.ListingDeals;

public class SearchDealsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static object Deal(
        string title, string investor, string target, object amount, string publishedOn = "2026-01-10", string kind = "Investment",
        string publication = "The Information", string? summary = null) => new
    {
        title,
        kind,
        parties = new[] { new { name = investor, role = "Investor" }, new { name = target, role = "Target" } },
        summary = summary ?? $"{investor} in talks to invest in {target}",
        amount,
        source = Source(publication, publishedOn),
    };

    private async Task<IReadOnlyList<Guid>> Found(string query) =>
        [.. (await Fixture.ListDeals($"/api/deals?{query}")).Items.Select(d => d.Id)];

    /// <summary>Amazon–OpenAI (up to $50B, Jan), Nvidia–OpenAI (about $100B, Feb), Amazon–Anthropic (exact $4B, 2024), Nestlé (EUR).</summary>
    private async Task<(Guid AmazonOpenAi, Guid Nvidia, Guid Anthropic, Guid Nestle)> StoryAsync()
    {
        var amazon = await Host.ReportNewDeal(Deal("Amazon invests in OpenAI", "Amazon", "OpenAI", Usd(50_000_000_000m, "UpTo"), "2026-01-10",
            summary: "Amazon anchors the round of OpenAI"));
        var nvidia = await Host.ReportNewDeal(Deal("Nvidia invests in OpenAI", "Nvidia", "OpenAI", Usd(100_000_000_000m, "About"), "2026-02-05",
            publication: "Wall Street Journal"));
        var anthropic = await Host.ReportNewDeal(Deal("Amazon invests in Anthropic", "Amazon.com", "Anthropic", Usd(4_000_000_000m), "2024-09-01"));
        var nestle = await Host.ReportNewDeal(Deal("Nestlé buys Blue Bottle", "Nestlé", "Blue Bottle",
            new { value = 500_000_000m, currency = "EUR", qualifier = "Exact" }, "2025-06-01", "Acquisition"));
        await Host.Abandon(anthropic.Id, new { reason = "Talks ended", source = Source(publishedOn: "2024-10-01") });
        return (amazon.Id, nvidia.Id, anthropic.Id, nestle.Id);
    }

    [Fact]
    public async Task party_matches_names_in_any_case_and_accents_and_role_narrows_it_to_that_party_in_that_role()
    {
        var (amazon, nvidia, _, nestle) = await StoryAsync();

        Assert.Equal([nvidia, amazon], await Found("party=openai"));
        Assert.Equal([nestle], await Found("party=NESTLE"));
        Assert.Equal([nestle], await Found("party=%20nestl%C3%A9%20"));
        Assert.Equal([amazon], await Found("party=amazon&role=Investor"));
        Assert.Empty(await Found("party=amazon&role=Target"));
        Assert.Equal([nvidia, amazon], await Found("party=OpenAI&role=target"));
    }

    [Fact]
    public async Task round_finds_the_deals_in_that_round_while_they_are_in_it()
    {
        var (amazon, nvidia, _, _) = await StoryAsync();
        var round = (await Host.ReportRound()).Id;
        await Host.JoinRound(amazon, round);
        await Host.JoinRound(nvidia, round);
        await Host.Post($"/api/deals/{nvidia}/round/leave", new { source = Source("Reuters", "2026-02-20") }, 200);

        Assert.Equal([amazon], await Found($"round={round}"));
        Assert.Equal([amazon], await Found($"round={round}&party=amazon"));
        Assert.Empty(await Found($"round={RoundScenarios.UnknownRoundId}"));
        var problem = await Host.GetProblem("/api/deals?round=openai", 400);
        Assert.Equal(["round"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task role_alone_kind_and_several_statuses_filter()
    {
        var (amazon, nvidia, anthropic, nestle) = await StoryAsync();

        Assert.Equal([nvidia, amazon, nestle, anthropic], await Found("role=Investor"));
        Assert.Equal([nestle], await Found("kind=Acquisition"));
        Assert.Equal([anthropic], await Found("status=Abandoned"));
        Assert.Equal([nvidia, amazon, nestle, anthropic], await Found("status=InTalks&status=Abandoned"));
        Assert.Equal([nvidia, amazon, nestle, anthropic], await Found("status=InTalks,Abandoned"));
        Assert.Equal([anthropic], await Found("status=Abandoned,Closed&kind=Investment"));
    }

    [Fact]
    public async Task an_amount_window_matches_every_deal_whose_amount_range_overlaps_it_in_that_currency()
    {
        var (amazon, nvidia, anthropic, nestle) = await StoryAsync();

        // Over $10B: up to $50B ([0, 50B]) overlaps, about $100B ([90B, 110B]) too, exact $4B does not.
        Assert.Equal([nvidia, amazon], await Found("minAmount=10000000000&currency=USD"));
        // $55B–$80B: neither up to $50B nor about $100B reaches into it.
        Assert.Empty(await Found("minAmount=55000000000&maxAmount=80000000000&currency=USD"));
        // $95B–$95B lies in about $100B.
        Assert.Equal([nvidia], await Found("minAmount=95000000000&maxAmount=95000000000&currency=USD"));
        // Up to $5B: up to $50B may be that small, exactly $4B is.
        Assert.Equal([amazon, anthropic], await Found("maxAmount=5000000000&currency=USD"));
        Assert.Equal([nestle], await Found("currency=EUR"));
    }

    [Fact]
    public async Task an_activity_window_matches_deals_whose_first_to_last_occurred_dates_overlap_it()
    {
        var (amazon, nvidia, anthropic, _) = await StoryAsync();
        await Host.ProposeTerms(amazon, new { amount = Usd(50_000_000_000m), summary = "Terms", source = Source(publishedOn: "2026-02-20") });

        Assert.Equal([amazon], await Found("activeFrom=2026-02-10"));
        Assert.Equal([amazon], await Found("activeFrom=2026-01-01&activeTo=2026-01-31"));
        Assert.Equal([anthropic], await Found("activeFrom=2024-09-15&activeTo=2024-09-20"));
    }

    [Fact]
    public async Task q_searches_titles_summaries_parties_and_publications_by_words()
    {
        var (amazon, nvidia, anthropic, nestle) = await StoryAsync();

        Assert.Equal([amazon], await Found("q=anchors"));
        Assert.Equal([amazon], await Found("q=anchor")); // English stemming: "anchors" and "anchor" meet
        // The phrase is in Nvidia's source, and in the source of Anthropic's abandonment.
        Assert.Equal([nvidia, anthropic], await Found("q=%22wall%20street%22"));
        Assert.Equal([nestle], await Found("q=bottle"));
        Assert.Equal([amazon, anthropic], await Found("q=amazon%20-nvidia&sort=-openedOn"));
        Assert.Equal([amazon], await Found("q=openai&party=amazon"));
    }

    [Fact]
    public async Task filters_combine_and_sort_orders_by_any_of_its_members_ties_by_id()
    {
        var (amazon, nvidia, anthropic, nestle) = await StoryAsync();

        Assert.Equal([amazon], await Found("party=amazon&minAmount=10000000000&currency=USD&activeFrom=2026-01-01&status=InTalks&kind=Investment&q=round"));
        Assert.Equal([anthropic, nestle, amazon, nvidia], await Found("sort=openedOn"));
        Assert.Equal([nvidia, amazon, nestle, anthropic], await Found("sort=-lastActivity"));
        Assert.Equal([anthropic, nestle, amazon, nvidia], await Found("sort=lastActivity"));
        Assert.Equal([anthropic, amazon, nestle, nvidia], await Found("sort=title"));
        Assert.Equal([nvidia, nestle, amazon, anthropic], await Found("sort=-title"));
        // By the amount's lower bound: up to $50B (0), exact $4B, EUR 500M ... then about $100B (90B).
        Assert.Equal([amazon, nestle, anthropic, nvidia], await Found("sort=amount"));
        Assert.Equal([nvidia, anthropic, nestle, amazon], await Found("sort=-amount"));
    }

    [Fact]
    public async Task pages_of_a_filtered_search_keep_the_total_and_each_item_shows_its_summary_line()
    {
        var (amazon, nvidia, _, _) = await StoryAsync();

        var page = await Fixture.ListDeals("/api/deals?party=openai&pageSize=1&page=2");

        Assert.Equal((2L, 2, 1), (page.Total, page.Page, page.PageSize));
        Assert.Equal([amazon], page.Items.Select(d => d.Id));
        Assert.Equal("Amazon anchors the round of OpenAI", page.Items[0].SummaryLine);
        Assert.Equal("Nvidia in talks to invest in OpenAI", (await Fixture.ListDeals("/api/deals?party=nvidia")).Items.Single(d => d.Id == nvidia).SummaryLine);
    }

    [Fact]
    public async Task the_list_exports_as_csv_with_the_same_filters()
    {
        var (amazon, _, _, _) = await StoryAsync();
        await WaitForViewsAsync();

        var (_, rows) = await Host.GetCsv("/api/deals?party=amazon&status=InTalks&format=csv");
        var (_, accepted) = await Host.GetCsv("/api/deals?party=amazon&status=InTalks", accept: "text/csv");

        Assert.Equal(ListDealsEndpoint.CsvColumns, rows[0]);
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            [amazon.ToString(), "Amazon invests in OpenAI", "Investment", "InTalks",
             """[{"name":"Amazon","role":"Investor"},{"name":"OpenAI","role":"Target"}]""",
             """{"value":50000000000,"currency":"USD","qualifier":"UpTo","high":null}""", "", "", "2026-01-10", "2026-01-10", "", "",
             "Amazon anchors the round of OpenAI", "1"],
            rows[1]);
        Assert.Equal(rows, accepted);
    }

    [Fact]
    public async Task wait_for_reads_a_write_as_soon_as_the_view_reflects_it()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(NewDeal()).ToUrl("/api/deals");
            s.StatusCodeShouldBe(201);
        });
        var sequence = result.Context.Response.Headers["X-Event-Sequence"].ToString();

        var list = await Host.GetAs<DealList>($"/api/deals?waitFor={sequence}");

        Assert.Single(list.Items);
        Assert.True(list.Freshness.Sequence >= long.Parse(sequence, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("/api/deals?role=Lender", "role")]
    [InlineData("/api/deals?kind=Loan", "kind")]
    [InlineData("/api/deals?status=InTalks,Pending", "status")]
    [InlineData("/api/deals?status=InTalks&status=", "status")]
    [InlineData("/api/deals?minAmount=ten&currency=USD", "minAmount")]
    [InlineData("/api/deals?minAmount=-5&currency=USD", "minAmount")]
    [InlineData("/api/deals?maxAmount=1e9&currency=USD", "maxAmount")]
    [InlineData("/api/deals?minAmount=10", "currency")]
    [InlineData("/api/deals?currency=usd", "currency")]
    [InlineData("/api/deals?currency=XYZ", "currency")]
    [InlineData("/api/deals?minAmount=20&maxAmount=10&currency=USD", "maxAmount")]
    [InlineData("/api/deals?activeFrom=2026-13-01", "activeFrom")]
    [InlineData("/api/deals?activeTo=yesterday", "activeTo")]
    [InlineData("/api/deals?activeFrom=2026-02-01&activeTo=2026-01-01", "activeTo")]
    [InlineData("/api/deals?sort=size", "sort")]
    [InlineData("/api/deals?format=xml", "format")]
    [InlineData("/api/deals?waitFor=0", "waitFor")]
    [InlineData("/api/deals?waitFor=999999", "waitFor")]
    public async Task a_bad_filter_is_a_400_naming_it(string url, string field)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(400);
        });

        await result.ShouldBeProblem(400, field);
    }

    [Fact]
    public async Task a_query_longer_than_its_limit_is_a_400_naming_q()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals?q={new string('a', ListDealsEndpoint.MaxQueryLength + 1)}");
            s.StatusCodeShouldBe(400);
        });

        await result.ShouldBeProblem(400, "q");
    }
}
