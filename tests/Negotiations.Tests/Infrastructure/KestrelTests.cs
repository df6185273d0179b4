using System.Net;
using System.Net.Http.Json;
using System.Text;
using Xunit;
using Negotiations.Tests.Deals.ListingDeals;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Infrastructure;

/// <summary>What only the real server (Kestrel) shows, not the in-memory test host: the service runs as its own process.</summary>
public class KestrelTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task a_non_ascii_id_header_is_refused_with_a_400_naming_it_before_anything_is_recorded()
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__Negotiations"] = Fixture.ConnectionString });
        await service.WaitUntilHealthyAsync(Patience);
        // Sent as UTF-8 bytes, as curl sends them.
        using var client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 }) { BaseAddress = service.BaseAddress };

        foreach (var header in new[] { "X-Correlation-Id", "X-Causation-Id", "X-Recorded-By" })
        {
            using var write = new HttpRequestMessage(HttpMethod.Post, "/api/deals") { Content = JsonContent.Create(NewDeal()) };
            write.Headers.TryAddWithoutValidation(header, "café");
            using var refused = await client.SendAsync(write, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            (await Problem.ReadAsync(refused)).ShouldBe(400, header.ToLowerInvariant());
            Assert.Matches("^[0-9a-f]{32}$", refused.Headers.GetValues("X-Correlation-Id").Single());
        }

        foreach (var path in new[] { "/health", "/api/deals" })
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, path);
            read.Headers.TryAddWithoutValidation("X-Correlation-Id", "café");
            using var answer = await client.SendAsync(read, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            (await Problem.ReadAsync(answer)).ShouldBe(400, "x-correlation-id");
        }

        Assert.Equal(0, (await Fixture.ListDeals("/api/deals")).Total);
    }
}
