using System.Text.RegularExpressions;
using Negotiations.Tests.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Docs;

/// <summary>The docs page and the landing page: served by the service itself, nothing fetched from elsewhere.</summary>
public partial class DocsPageTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_landing_page_points_to_the_docs_page_which_loads_only_its_own_assets()
    {
        var client = Host.Server.CreateClient();
        var cancel = TestContext.Current.CancellationToken;

        var landing = await client.GetStringAsync(new Uri("/", UriKind.Relative), cancel);
        Assert.Contains("href=\"/docs\"", landing, StringComparison.Ordinal);
        Assert.Contains("href=\"/openapi/v1.json\"", landing, StringComparison.Ordinal);

        var docs = await client.GetStringAsync(new Uri("/docs/", UriKind.Relative), cancel);
        var sources = Source().Matches(docs).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, url => Assert.False(url.StartsWith("http", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal), url));
        foreach (var url in sources)
        {
            using var asset = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "/docs/"), url), cancel);
            Assert.True(asset.IsSuccessStatusCode, $"{url}: {(int)asset.StatusCode}");
        }
    }

    [Fact]
    public async Task outside_development_the_docs_page_needs_a_key()
    {
        await using var production = await ApiFixture.StartHostAsync(Fixture.ConnectionString, "Production", ApiKeys.Settings);
        using var anonymous = await production.Server.CreateClient().GetAsync(new Uri("/docs/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(401, (int)anonymous.StatusCode);
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"(?<url>[^\"]+)\"")]
    private static partial Regex Source();
}
