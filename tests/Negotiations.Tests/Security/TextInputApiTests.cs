using Negotiations.Tests.Infrastructure;
using Xunit;
using Negotiations.Tests.Deals.ListingDeals;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Security;

/// <summary>Texts that show nothing, or hold characters that hurt whoever reads them, are a 400 naming the member.</summary>
public class TextInputApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200B\u200C\u200D")]
    [InlineData("\u2060\uFEFF")]
    [InlineData(" \u00AD\u200B ")]
    [InlineData("\u3164\u2800")]
    public async Task a_required_text_made_only_of_invisible_characters_is_a_400_naming_it(string invisible)
    {
        var body = NewDeal(title: invisible, investor: invisible);

        var problem = await Problem.ReadAsync(await Host.Post("/api/deals", body, 400));

        problem.ShouldBe(400, "title", "parties[0].name");
        Assert.Equal(0, (await Fixture.ListDeals("/api/deals")).Total);
    }

    [Theory]
    [InlineData("Amazon \u202Eslaunch")]
    [InlineData("Amazon \u2066invests\u2069")]
    [InlineData("\u001B[31mAmazon\u001B[0m")]
    [InlineData("Amazon\u0007")]
    [InlineData("Amazon\u009B2J")]
    [InlineData("Amazon\u007F")]
    public async Task bidi_overrides_terminal_escapes_and_control_characters_are_a_400_naming_the_member(string text)
    {
        var body = new
        {
            title = text,
            kind = "Investment",
            parties = new[] { new { name = "Amazon", role = "Investor" }, new { name = "OpenAI", role = "Target" } },
            summary = text,
            source = new { publication = text, publishedOn = "2025-12-16", relays = text },
        };

        var problem = await Problem.ReadAsync(await Host.Post("/api/deals", body, 400));

        problem.ShouldBe(400, "title", "summary", "source.publication", "source.relays");
        Assert.Equal(0, (await Fixture.ListDeals("/api/deals")).Total);
    }

    [Theory]
    [InlineData("https://example.com/a\r\nSet-Cookie: x=1")]
    [InlineData("https://example.com/a\nb")]
    [InlineData("https://example.com/\u001B[2J")]
    [InlineData("https://example.com/\u202Egpj.exe")]
    public async Task a_url_with_line_breaks_or_controls_is_a_400_naming_it(string url)
    {
        var problem = await Problem.ReadAsync(await Host.Post("/api/deals", NewDeal(source: Source(url: url)), 400));

        problem.ShouldBe(400, "source.url");
        Assert.Equal(0, (await Fixture.ListDeals("/api/deals")).Total);
    }

    [Fact]
    public async Task tabs_line_breaks_joined_emoji_and_right_to_left_marks_are_kept()
    {
        var body = new
        {
            title = "Amazon\u200Binvests 👩\u200D💻 \u05D0\u200F",
            kind = "Investment",
            parties = new[] { new { name = "Amazon", role = "Investor" }, new { name = "OpenAI", role = "Target" } },
            summary = "Line one\r\nline two\tand a tab",
            source = new { publication = "The Information", publishedOn = "2025-12-16", url = "https://example.com/a?b=c" },
        };

        await Host.ReportNewDeal(body);

        Assert.Equal(1, (await Fixture.ListDeals("/api/deals")).Total);
    }
}
