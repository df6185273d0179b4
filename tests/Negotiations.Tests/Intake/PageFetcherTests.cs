using System.Net;
using Negotiations.Intake.Fetching;
using Xunit;

namespace Negotiations.Tests.Intake;

/// <summary>The fetcher against a small web site of its own on loopback (allowed here, as Intake:AllowPrivateNetworks allows).</summary>
public sealed class PageFetcherTests : IDisposable
{
    private readonly LoopbackSite _site = new();

    private Uri Base => _site.Base;

    private List<string> UserAgents => _site.UserAgents;

    private static PageFetcher Fetcher(bool allowPrivate = true) => new(PageFetcher.CreateClient(allowPrivate), allowPrivate);

    [Fact]
    public async Task a_page_is_fetched_through_a_redirect_and_read_as_text()
    {
        var (page, url, problem) = await Fetcher().FetchAsync(new Uri(Base, "/moved"), CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(new Uri(Base, "/article"), url);
        Assert.Equal("Salesforce is in talks to acquire Informatica for about $11 billion.", page!.Text);
        Assert.Equal([PageFetcher.UserAgent], UserAgents);
    }

    [Theory]
    [InlineData("/loop", "redirects more than 5 times")]
    [InlineData("/huge", "is over 5 MB")]
    [InlineData("/image", "is image/png, not text/html")]
    [InlineData("/missing", "answered 404")]
    public async Task a_page_that_cannot_be_had_is_a_502(string path, string detail)
    {
        var (page, _, problem) = await Fetcher().FetchAsync(new Uri(Base, path), CancellationToken.None);

        Assert.Null(page);
        Assert.Equal(502, problem!.Status);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_loopback_address_is_refused_unless_private_networks_are_allowed()
    {
        var (page, _, problem) = await Fetcher(allowPrivate: false).FetchAsync(new Uri(Base, "/article"), CancellationToken.None);

        Assert.Null(page);
        Assert.Equal(400, problem!.Status);
        Assert.Contains(PageFetcher.AllowPrivateNetworksSetting, Assert.Single(((Microsoft.AspNetCore.Mvc.ValidationProblemDetails)problem).Errors["url"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700::1111", true)]
    public void only_public_addresses_are_public(string address, bool isPublic) => Assert.Equal(isPublic, PageFetcher.IsPublic(IPAddress.Parse(address)));

    public void Dispose() => _site.Dispose();
}
