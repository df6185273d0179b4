using System.IO.Compression;
using System.Text;
using Negotiations.Tests.Infrastructure;
using Xunit;
using Negotiations.Tests.Deals.ListingDeals;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Security;

/// <summary>A body is read as UTF-8 JSON only when it is that: media types in any letter case, other encodings a 415.</summary>
public class BodyEncodingApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static byte[] Utf8Deal() => Encoding.UTF8.GetBytes(TestJson.Serialize(NewDeal()));

    private Task<Alba.IScenarioResult> Post(byte[] body, string contentType, int status, string? contentEncoding = null) => Host.Scenario(s =>
    {
        s.Post.ByteArray(body).ToUrl("/api/deals");
        s.WithRequestHeader("Content-Type", contentType);
        if (contentEncoding is not null)
        {
            s.WithRequestHeader("Content-Encoding", contentEncoding);
        }

        s.StatusCodeShouldBe(status);
    });

    [Theory]
    [InlineData("APPLICATION/JSON")]
    [InlineData("Application/Json; Charset=UTF-8")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=\"utf-8\"")]
    [InlineData("application/json")]
    public async Task json_in_any_letter_case_and_utf_8_is_read(string contentType)
    {
        await Post(Utf8Deal(), contentType, 201);

        Assert.Equal(1, (await Fixture.ListDeals("/api/deals")).Total);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("UTF-16LE")]
    [InlineData("iso-8859-1")]
    public async Task another_charset_is_a_415_and_records_nothing(string charset)
    {
        var encoding = Encoding.GetEncoding(charset);
        var body = encoding.GetBytes(TestJson.Serialize(NewDeal()));

        var problem = await Problem.ReadAsync(await Post(body, $"application/json; charset={charset}", 415));

        problem.ShouldBe(415, "body");
        Assert.Equal(0, (await Fixture.ListDeals("/api/deals")).Total);
    }

    [Fact]
    public async Task a_body_labelled_gzip_is_a_415_and_records_nothing_even_when_it_is_plain_json()
    {
        using var zipped = new MemoryStream();
        await using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Utf8Deal(), TestContext.Current.CancellationToken);
        }

        (await Problem.ReadAsync(await Post(zipped.ToArray(), "application/json", 415, "gzip"))).ShouldBe(415, "body");
        (await Problem.ReadAsync(await Post(Utf8Deal(), "application/json", 415, "gzip"))).ShouldBe(415, "body");
        Assert.Equal(0, (await Fixture.ListDeals("/api/deals")).Total);
    }

    [Fact]
    public async Task content_encoding_identity_is_read()
    {
        await Post(Utf8Deal(), "application/json", 201, "identity");

        Assert.Equal(1, (await Fixture.ListDeals("/api/deals")).Total);
    }
}
