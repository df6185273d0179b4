using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Npgsql;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Rounds.RoundScenarios;

namespace Negotiations.Tests.Reliability;

/// <summary>
/// Every operation of the service's own OpenAPI document and every dashboard page, fuzzed from what they declare: path
/// values (ids of a real deal, round and party, unknown and malformed ones), each declared query parameter, each
/// declared header and, where there is one, a body generated from the operation's schema (valid, damaged, or not JSON).
/// A new route is fuzzed the day it is added. No answer may be a 5xx, and a refused write records nothing.
/// </summary>
public class OpenApiFuzzingApiTests(ApiFixture fixture, UnthrottledHost unthrottled) : ApiTest(fixture), IClassFixture<UnthrottledHost>
{
    /// <summary>Thousands of requests: the shared host's per-key write limit would answer 429 and use up other tests' quota.</summary>
    private new Alba.IAlbaHost Host => unthrottled.Host;

    private const int RequestsPerOperation = 40;
    private const int RequestsPerPage = 40;

    private static readonly string[] Texts =
    [
        "Reuters", "", " ", "a", "OpenAI", "abc", "-1", "0", "1e400", "null", "true", "2026-02-30", "2026-13-01", "9999-12-31",
        "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "é", "日本語", "\u202e", "' OR 1=1 --", "%", "%25", "..", "/", "?&=#",
        new string('x', 300), new string('y', 5000),
    ];

    private static readonly string[] HeaderTexts =
        ["", "abc", "alice", "0199a7b6-ffff-7000-8000-00000000ffff", "\"etag\"", "W/\"1\"", "*", new string('h', 2000), "a b\tc", "{}"];

    private static readonly string[] Numbers =
        ["1", "2", "0", "-1", "3", "50", "1000", "2147483648", "9223372036854775807", "9223372036854775808", "1.5", "-0", "1e3", "abc", ""];

    private sealed record Ids(Guid Deal, Guid Round, Guid Party)
    {
        public string[] Path => [Deal.ToString(), Round.ToString(), Party.ToString(), Guid.Empty.ToString(), Guid.NewGuid().ToString(), "not-a-guid", "1", "%20"];
    }

    [Fact]
    public async Task every_operation_in_the_openapi_document_fuzzed_from_its_schema_never_answers_5xx_and_a_refused_write_records_nothing()
    {
        var ids = await SeedAsync();
        var document = JsonNode.Parse(await Host.Server.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken))!;
        var random = new Random(20_21);
        var operations = 0;
        var requests = 0;
        var statuses = new SortedDictionary<int, int>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key != "parameters"))
            {
                operations++;
                var parameters = (operation!["parameters"]?.AsArray() ?? []).Select(p => p!).ToList();
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                for (var i = 0; i < RequestsPerOperation; i++)
                {
                    var status = await SendAsync(method.ToUpperInvariant(), Fill(path, parameters, ids, random), parameters, body, document, ids, random);
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    requests++;
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"OpenAPI fuzzing: {operations} operations, {requests} requests, answers {string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}"))}");
        Assert.True(operations >= 48, $"The document lists {operations} operations: fewer than the service has.");
        Assert.Contains(statuses.Keys, s => s is >= 200 and < 300);
    }

    [Fact]
    public async Task every_dashboard_page_with_fuzzed_route_and_query_values_renders_without_a_5xx()
    {
        var ids = await SeedAsync();
        var random = new Random(20_22);
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Template: r.Template, Query: QueryNames(t))))
            .ToList();
        var requests = 0;
        foreach (var (template, query) in pages)
        {
            for (var i = 0; i < RequestsPerPage; i++)
            {
                var url = System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", _ => Uri.EscapeDataString(Pick(random, ids.Path)));
                var values = query.Where(_ => random.Next(3) > 0)
                    .Select(name => $"{name}={Uri.EscapeDataString(random.Next(2) == 0 ? Pick(random, Texts) : Pick(random, Numbers))}");
                url += "?" + string.Join("&", values);
                using var answer = await Host.Server.CreateClient().GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
                Assert.True((int)answer.StatusCode < 500, $"GET {url} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
                requests++;
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Page fuzzing: {pages.Count} pages, {requests} requests");
        Assert.True(pages.Count >= 7, $"Only {pages.Count} pages found.");
    }

    private static string[] QueryNames(Type page) =>
    [
        .. page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (p, a: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(x => x.a is not null)
            .Select(x => x.a!.Name ?? x.p.Name),
    ];

    private async Task<Ids> SeedAsync()
    {
        var deal = (await Host.ReportNewDeal()).Id;
        await Host.Post($"/api/deals/{deal}/questions", new { topic = "Governance", text = "Will Amazon get a board seat?", source = Source() }, 200);
        var round = (await Host.ReportRound()).Id;
        var party = (await (await Host.Post("/api/parties", new { name = "Fuzz Party", kind = "Company" }, 201)).ReadAs<JsonElement>()).GetProperty("id").GetGuid();
        return new Ids(deal, round, party);
    }

    private static string Fill(string path, List<JsonNode> parameters, Ids ids, Random random)
    {
        var url = System.Text.RegularExpressions.Regex.Replace(path, "\\{([^}]+)\\}", m =>
        {
            var schema = parameters.FirstOrDefault(p => (string?)p["name"] == m.Groups[1].Value)?["schema"];
            return Uri.EscapeDataString((string?)schema?["format"] == "uuid" ? Pick(random, ids.Path) : Pick(random, ["deal_search", "Reuters", .. Texts[..12]]));
        });
        // A long poll's wait is kept short: a valid one would hold every request for its seconds.
        var query = parameters.Where(p => (string?)p["in"] == "query" && random.Next(3) > 0)
            .Select(p => $"{p["name"]}={Uri.EscapeDataString((string?)p["name"] == "wait" ? Pick(random, ["0", "-1", "31", "abc"]) : Scalar(p["schema"], random, ids))}");
        return url + "?" + string.Join("&", query);
    }

    private async Task<int> SendAsync(string method, string url, List<JsonNode> parameters, JsonNode? schema, JsonNode document, Ids ids, Random random)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        foreach (var header in parameters.Where(p => (string?)p["in"] == "header" && random.Next(2) == 0))
        {
            request.Headers.TryAddWithoutValidation((string)header["name"]!, Pick(random, HeaderTexts));
        }

        if (random.Next(6) == 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", Pick(random, ["text/csv", "application/json", "*/*", "text/html", "nonsense"]));
        }

        var text = "";
        if (schema is not null)
        {
            text = random.Next(10) switch
            {
                0 => Pick(random, ["", "{", "[]", "null", "\"x\"", "{\"a\":}", "{}", new string('[', 500)]),
                < 4 => Damage(Generate(schema, document, random, ids, 0), random)?.ToJsonString() ?? "null",
                _ => Generate(schema, document, random, ids, 0)?.ToJsonString() ?? "null",
            };
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(12) == 0 ? "text/plain" : "application/json");
        }

        var before = method == "POST" ? await EventCountAsync() : 0;
        using var response = await Host.Server.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status < 500, $"{method} {url} answered {status} to body {text}: {answer}");
        if (method == "POST" && status >= 400)
        {
            Assert.True(before == await EventCountAsync(), $"{method} {url} was refused with {status} but recorded events, body {text}: {answer}");
        }

        if (status == 400 && url.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return status;
    }

    private async Task<long> EventCountAsync()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("select count(*) from negotiations.mt_events", connection);
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static JsonNode Resolve(JsonNode schema, JsonNode document) =>
        schema["$ref"] is { } reference ? Resolve(document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!, document) : schema;

    private static List<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => [.. many.Select(t => (string)t!)],
        JsonValue one => [(string)one!],
        _ => schema["properties"] is not null ? ["object"] : ["string"],
    };

    /// <summary>A value the schema describes: mostly plausible (so requests get past the binding into the rules), sometimes an edge.</summary>
    private static JsonNode? Generate(JsonNode schema, JsonNode document, Random random, Ids ids, int depth)
    {
        schema = Resolve(schema, document);
        if ((schema["oneOf"] ?? schema["anyOf"]) is { } choices)
        {
            return Generate(Pick(random, [.. choices.AsArray().Select(c => c!)]), document, random, ids, depth);
        }

        var types = Types(schema);
        var type = types.Count > 1 && types.Contains("null") && random.Next(6) > 0 ? Pick(random, [.. types.Where(t => t != "null")]) : Pick(random, [.. types]);
        switch (type)
        {
            case "null":
                return null;
            case "object" when depth < 6:
                var value = new JsonObject();
                var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                {
                    if (required.Contains(name) || random.Next(3) > 0)
                    {
                        value[name] = Generate(property!, document, random, ids, depth + 1);
                    }
                }

                return value;
            case "array" when depth < 6:
                return new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => schema["items"] is { } items ? Generate(items, document, random, ids, depth + 1) : null)]);
            case "integer" or "number":
                return JsonNode.Parse(Pick(random, ["1", "2", "3", "0", "-1", "1000000000", "50000000000", "1e30", "9223372036854775807", "1.5"]));
            case "boolean":
                return random.Next(2) == 0;
            default:
                return JsonValue.Create(Scalar(schema, random, ids));
        }
    }

    /// <summary>A string for a parameter or member: its enum, its format (date, instant, id) or one of the awkward texts.</summary>
    private static string Scalar(JsonNode? schema, Random random, Ids ids)
    {
        if (schema?["items"] is { } items)
        {
            schema = items;
        }

        if (schema?["enum"] is JsonArray values && random.Next(5) > 0)
        {
            return values.Where(v => v is not null).Select(v => v!.ToString()).DefaultIfEmpty("").ToArray() is var names ? Pick(random, names) : "";
        }

        var types = schema is null ? ["string"] : Types(schema);
        return ((string?)schema?["format"], random.Next(5)) switch
        {
            (_, 0) => Pick(random, Texts),
            ("date", _) => new DateOnly(2025, 1, 1).AddDays(random.Next(700)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ("date-time", _) => DateTimeOffset.UtcNow.AddDays(-random.Next(400)).ToString("O", CultureInfo.InvariantCulture),
            ("uuid", _) => Pick(random, ids.Path),
            _ when types.Contains("integer") || types.Contains("number") => Pick(random, Numbers),
            _ => Pick(random, ["Reuters", "OpenAI", "Amazon", "Wall Street Journal", "USD", "EUR", "talks", "Investor", .. Texts]),
        };
    }

    /// <summary>The value with one member removed, nulled or given a value of another type.</summary>
    private static JsonNode? Damage(JsonNode? value, Random random)
    {
        if (value is not JsonObject obj || obj.Count == 0)
        {
            return JsonNode.Parse(Pick(random, ["1", "\"x\"", "[]", "{}", "null"]));
        }

        var name = Pick(random, [.. obj.Select(p => p.Key)]);
        switch (random.Next(4))
        {
            case 0:
                obj.Remove(name);
                break;
            case 1:
                obj[name] = null;
                break;
            case 2:
                obj[name] = JsonNode.Parse(Pick(random, ["1", "-1", "1e400", "\"\"", "[]", "{}", "true", "\"2026-02-30\"", JsonSerializer.Serialize(new string('z', 20_000))]));
                break;
            default:
                obj[name] = Damage(obj[name]?.DeepClone(), random);
                break;
        }

        return obj;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
