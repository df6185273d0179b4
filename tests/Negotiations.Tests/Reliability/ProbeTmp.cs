using System.Net.Http.Headers;
using System.Text;
using Negotiations.Tests.Infrastructure;
using Npgsql;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Reliability;

public class ProbeTmpTests(ApiFixture fixture, UnthrottledHost unthrottled, ITestOutputHelper output) : ApiTest(fixture), IClassFixture<UnthrottledHost>
{
    [Fact]
    public async Task probe()
    {
        foreach (var type in new[] { typeof(Marten.IDocumentStore).Assembly, typeof(JasperFx.Events.IEvent).Assembly }.SelectMany(a => a.GetTypes()).Where(t => t.Name.Contains("Tombstone", StringComparison.Ordinal)))
        {
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            {
                output.WriteLine($"{type.FullName}.{field.Name} = {field.GetValue(null)}");
            }
        }

        using var client = unthrottled.Host.Server.CreateClient();
        var deal = await unthrottled.Host.ReportNewDeal();
        string[] bodies =
        [
            """{"amount":{"value":20999728664407,"value":20999728664407,"currency":"EUR"},"source":{"publication":"aekBqCZej","publishedOn":"1999-08-05"}}""",
            """{"amount":{"value":1,"currency":"EUR"},"summary":"\u0000","source":{"publication":"aekBqCZej","publishedOn":"1999-08-05"}}""",
            """{"amount":{"value":20999728664407,"value":20999728664407,"currency":"EUR"},"source":{"publication":"aekBqCZej","publishedOn":"1999-08-05"}}""",
            """{"amount":{"value":5,"currency":"EUR"},"source":{"publication":"aekBqCZej","publishedOn":"1999-08-05"}}""",
        ];
        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri($"/api/deals/{deal.Id}/terms", UriKind.Relative), content, TestContext.Current.CancellationToken);
            output.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("select id::text || ' v' || version || ' type=' || coalesce(type, '<null>') || ' events=' || (select count(*) from negotiations.mt_events e where e.stream_id = s.id) || ' ' || coalesce((select string_agg(type, ',') from negotiations.mt_events e where e.stream_id = s.id), ''), 1, 2, 3 from negotiations.mt_streams s", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                output.WriteLine($"  stream {reader.GetValue(0)} v{reader.GetValue(1)} {reader.GetValue(2)} {reader.GetValue(3)}");
            }
        }
    }
}
