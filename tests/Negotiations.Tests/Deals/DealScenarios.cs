using System.Globalization;
using System.Text.Json;
using Alba;
using Negotiations.Deals;
using Negotiations.Deals.GettingHistory;
using Negotiations.Tests.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Deals;

/// <summary>The domain's language over HTTP, for integration tests: report, propose, revise, close, abandon, read.</summary>
public static class DealScenarios
{
    public static readonly Guid UnknownDealId = Guid.Parse("0199a7b6-ffff-7000-8000-00000000ffff");

    public static object Source(string publication = "Wall Street Journal", string publishedOn = "2026-01-29",
        string attribution = "AnonymousSource", string? url = null) =>
        new { publication, publishedOn, attribution, url };

    public static object Usd(decimal value, string qualifier = "Exact") => new { value, currency = "USD", qualifier };

    public static object NewDeal(string title = "Amazon invests in OpenAI", string investor = "Amazon", string target = "OpenAI",
        object? source = null, object? amount = null) => new
    {
        title,
        kind = "Investment",
        parties = new[] { new { name = investor, role = "Investor" }, new { name = target, role = "Target" } },
        summary = $"{investor} in talks to invest in {target}",
        amount = amount ?? Usd(10_000_000_000m, "AtLeast"),
        source = source ?? Source("The Information", "2025-12-16"),
    };

    public static async Task<DealOpened> ReportNewDeal(this IAlbaHost host, object? body = null, string? recordedBy = null)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(body ?? NewDeal()).ToUrl("/api/deals");
            if (recordedBy is not null)
            {
                s.WithRequestHeader("X-Recorded-By", recordedBy);
            }

            s.StatusCodeShouldBe(201);
        });
        return await result.ReadAs<DealOpened>();
    }

    /// <summary>POSTs a JSON body and checks the status; returns the result to read further.</summary>
    public static Task<IScenarioResult> Post(this IAlbaHost host, string url, object body, int status, string? recordedBy = null) =>
        host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            if (recordedBy is not null)
            {
                s.WithRequestHeader("X-Recorded-By", recordedBy);
            }

            s.StatusCodeShouldBe(status);
        });

    /// <summary>POSTs a body exactly as given (malformed JSON included) as application/json.</summary>
    public static Task<IScenarioResult> PostRaw(this IAlbaHost host, string url, string body, int status) =>
        host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(status);
        });

    public static async Task<long> ProposeTerms(this IAlbaHost host, Guid id, object body) =>
        (await (await host.Post($"/api/deals/{id}/terms", body, 200)).ReadAs<DealWritten>()).Version;

    public static async Task<long> ReviseStake(this IAlbaHost host, Guid id, object body) =>
        (await (await host.Post($"/api/deals/{id}/stake", body, 200)).ReadAs<DealWritten>()).Version;

    public static async Task<long> ReportTalks(this IAlbaHost host, Guid id, object body) =>
        (await (await host.Post($"/api/deals/{id}/talks", body, 200)).ReadAs<DealWritten>()).Version;

    public static async Task<long> Close(this IAlbaHost host, Guid id, object body) =>
        (await (await host.Post($"/api/deals/{id}/close", body, 200)).ReadAs<DealWritten>()).Version;

    public static async Task<long> Abandon(this IAlbaHost host, Guid id, object body) =>
        (await (await host.Post($"/api/deals/{id}/abandon", body, 200)).ReadAs<DealWritten>()).Version;

    /// <summary>Records a correction of our own recording of an event; returns the correction's version.</summary>
    public static async Task<long> Correct(this IAlbaHost host, Guid id, object body) =>
        (await (await host.Post($"/api/deals/{id}/corrections", body, 200)).ReadAs<DealWritten>()).Version;

    /// <summary>Records that a source withdrew (or a party denied) a report; returns the retraction's version.</summary>
    public static async Task<long> Retract(this IAlbaHost host, Guid id, object body) =>
        (await (await host.Post($"/api/deals/{id}/retractions", body, 200)).ReadAs<DealWritten>()).Version;

    /// <summary>When an event was recorded, as the history says: the instant to ask "as of" about.</summary>
    public static async Task<DateTimeOffset> RecordedAt(this IAlbaHost host, Guid id, long version) =>
        Assert.Single((await host.GetAs<DealHistory>($"/api/deals/{id}/history?fromVersion={version}&limit=1")).Events).RecordedAt;

    /// <summary>An instant as a query parameter value (round-trip format, escaped).</summary>
    public static string Query(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>A GET answered with CSV (text/csv; charset=utf-8), read back by CsvHelper: the header row, then the records.</summary>
    public static async Task<(IScenarioResult Result, IReadOnlyList<string[]> Rows)> GetCsv(this IAlbaHost host, string url, string? accept = null)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            if (accept is not null)
            {
                s.WithRequestHeader("Accept", accept);
            }

            s.StatusCodeShouldBe(200);
        });
        Assert.Equal("text/csv; charset=utf-8", result.Context.Response.ContentType);
        return (result, CsvReading.Parse(await result.ReadAsTextAsync()));
    }

    /// <summary>What a JSON value says as one CSV cell: a string's text, nothing for null, else the JSON as written.</summary>
    public static string CsvCell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "",
        _ => value.GetRawText(),
    };

    /// <summary>A GET answered 200, as raw JSON: for the tests whose point is the JSON shape itself.</summary>
    public static async Task<JsonElement> GetJson(this IAlbaHost host, string url)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(200);
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.Clone();
    }

    /// <summary>A GET answered 200, read strictly as the service's own record <typeparamref name="T"/>.</summary>
    public static async Task<T> GetAs<T>(this IAlbaHost host, string url)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(200);
        });
        return await result.ReadAs<T>();
    }

    /// <summary>The deal's status (now, or at the point the query names).</summary>
    public static Task<Deal> GetDeal(this IAlbaHost host, Guid id, string query = "") =>
        host.GetAs<Deal>($"/api/deals/{id}{(query.Length > 0 ? "?" + query : "")}");

    /// <summary>The deal's whole history (one page of up to the default limit).</summary>
    public static Task<DealHistory> GetHistory(this IAlbaHost host, Guid id) => host.GetAs<DealHistory>($"/api/deals/{id}/history");

    /// <summary>A GET answered with this error status: the problem it carries.</summary>
    public static async Task<Problem> GetProblem(this IAlbaHost host, string url, int status)
    {
        var result = await host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });
        return await result.ShouldBeProblem(status);
    }

    /// <summary>The answer read strictly as <typeparamref name="T"/> with the API's JSON rules.</summary>
    public static async Task<T> ReadAs<T>(this IScenarioResult result) => TestJson.Read<T>(await result.ReadAsTextAsync());

    /// <summary>
    /// A ProblemDetails answer: the right media type, this status, and (when given) exactly these fields named; the
    /// problem, to compare whole where the test knows its title and detail.
    /// </summary>
    public static async Task<Problem> ShouldBeProblem(this IScenarioResult result, int status, params string[] fields) =>
        (await Problem.ReadAsync(result)).ShouldBe(status, fields);
}
