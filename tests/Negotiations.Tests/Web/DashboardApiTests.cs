using System.Net;
using System.Text.RegularExpressions;
using Negotiations.Security;
using Negotiations.Tests.Infrastructure;
using Negotiations.Tests.Security;
using Xunit;
using Negotiations.Tests.Rounds;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Web;

/// <summary>The dashboard's pages over the real Program (in memory): open in Development like the API, signed in elsewhere.</summary>
public partial class DashboardApiTests(ApiFixture fixture, KeyedHost keyed) : ApiTest(fixture), IClassFixture<KeyedHost>
{
    [Fact]
    public async Task in_open_development_the_pages_need_no_sign_in_and_load_only_their_own_assets()
    {
        var client = Host.Server.CreateClient();
        var cancel = TestContext.Current.CancellationToken;

        var list = await client.GetStringAsync(new Uri("/deals", UriKind.Relative), cancel);
        Assert.Contains("<h1>Deals</h1>", list, StringComparison.Ordinal);
        var assets = Asset().Matches(list).Select(m => m.Groups["url"].Value).ToList();
        Assert.Single(assets);
        Assert.All(assets, url => Assert.StartsWith("/", url, StringComparison.Ordinal));
        Assert.DoesNotContain("<script", list, StringComparison.Ordinal);
        using var style = await client.GetAsync(new Uri(assets[0], UriKind.Relative), cancel);
        Assert.Equal("text/css", style.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", style.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_deal_is_a_404_page()
    {
        using var answer = await Host.Server.CreateClient().GetAsync(new Uri($"/deals/{UnknownDealId}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("No such page or deal", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task with_keys_a_page_sends_the_browser_to_sign_in_and_a_form_without_its_antiforgery_token_is_refused()
    {
        var client = keyed.Host.Server.CreateClient();
        var cancel = TestContext.Current.CancellationToken;

        using var page = await client.GetAsync(new Uri("/deals", UriKind.Relative), cancel);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/sign-in", page.Headers.Location?.AbsolutePath);

        using var signIn = await client.GetAsync(new Uri("/sign-in", UriKind.Relative), cancel);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        using var forged = await client.PostAsync(new Uri("/sign-in", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["_handler"] = "sign-in", ["key"] = ApiKeys.Recorder }), cancel);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task the_api_key_header_does_not_open_the_pages()
    {
        // Pages authenticate by the sign-in cookie only: a key sent by a script is the API's business.
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/deals", UriKind.Relative));
        request.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, ApiKeys.Recorder);
        using var answer = await keyed.Host.Server.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }

    [Fact]
    public async Task pages_are_not_operations_of_the_api_document()
    {
        var document = await Host.Server.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        foreach (var page in new[] { "\"/deals\"", "\"/deals/{Id}\"", "\"/rounds\"", "\"/rounds/{Id}\"", "\"/parties/{Id}\"", "\"/sign-in\"", "\"/sign-out\"", "\"/dashboard.css\"" })
        {
            Assert.DoesNotContain(page, document, StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex("<(?:link|script|img)[^>]*\\s(?:href|src)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Asset();
}

/// <summary>The rounds and party pages over the real Program: they answer in open Development, and 404 for an unknown id.</summary>
public class RoundAndPartyPagesTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_round_list_the_round_book_and_a_party_page_answer_and_an_unknown_id_is_a_404()
    {
        var cancel = TestContext.Current.CancellationToken;
        var client = Host.Server.CreateClient();
        var round = await Host.ReportRound(RoundScenarios.NewRound("Pages Test Co"));
        var deal = await Host.ReportNewDeal(NewDeal("Pagebank invests in Pages Test Co", "Pagebank", "Pages Test Co"));
        await Host.JoinRound(deal.Id, round.Id);

        var list = await client.GetStringAsync(new Uri("/rounds?company=pages+test+co", UriKind.Relative), cancel);
        Assert.Contains($"/rounds/{round.Id}", list, StringComparison.Ordinal);
        Assert.Contains("as of event", list, StringComparison.Ordinal);

        var book = await client.GetStringAsync(new Uri($"/rounds/{round.Id}", UriKind.Relative), cancel);
        Assert.Contains("data-testid=\"round-chart\"", book, StringComparison.Ordinal);
        Assert.Contains("data-firmness=\"Rumoured\"", book, StringComparison.Ordinal);
        Assert.Contains($"/deals/{deal.Id}", book, StringComparison.Ordinal);
        Assert.Contains($"/parties/{Negotiations.Parties.PartyIds.Of("Pagebank")}", book, StringComparison.Ordinal);

        using var then = await client.GetAsync(new Uri($"/rounds/{round.Id}?occurredBy=2020-01-01", UriKind.Relative), cancel);
        Assert.Equal(HttpStatusCode.OK, then.StatusCode);
        Assert.Contains("data-testid=\"not-known\"", await then.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);

        var party = await client.GetStringAsync(new Uri($"/parties/{Negotiations.Parties.PartyIds.Of("Pagebank")}", UriKind.Relative), cancel);
        Assert.Contains("data-testid=\"exposure-row\"", party, StringComparison.Ordinal);
        Assert.Contains($"/rounds/{round.Id}", party, StringComparison.Ordinal);

        foreach (var unknown in new[] { $"/rounds/{RoundScenarios.UnknownRoundId}", $"/parties/{RoundScenarios.UnknownRoundId}" })
        {
            using var answer = await client.GetAsync(new Uri(unknown, UriKind.Relative), cancel);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }
    }
}
