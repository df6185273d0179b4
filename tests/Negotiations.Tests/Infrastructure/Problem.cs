using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Mvc;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

/// <summary>
/// A ProblemDetails answer (RFC 9457) as the tests see it, whether read from an HTTP answer or taken from a command's
/// Validate: every member the API gives, except the trace id, which differs on every request. Compare whole problems
/// with <see cref="TestJson.AssertSame"/>; the builders give the API's usual ones.
/// </summary>
public sealed record Problem(
    string? Type,
    string Title,
    int Status,
    string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    long? CurrentVersion = null)
{
    public const string BadRequestType = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
    public const string NotFoundType = "https://tools.ietf.org/html/rfc9110#section-15.5.5";
    public const string ConflictType = "https://tools.ietf.org/html/rfc9110#section-15.5.10";

    /// <summary>The 404 of a route that names a deal no one reported.</summary>
    public static Problem UnknownDeal(Guid id) => NotFound($"No deal with id {id} exists.");

    public static Problem NotFound(string detail) => new(NotFoundType, "Not found.", 404, detail);

    /// <summary>
    /// The 404 of a write route that names a deal no one reported: Wolverine's own answer for a missing entity, with the
    /// API's detail but Wolverine's title ("Not Found", where the read routes say "Not found.").
    /// </summary>
    public static Problem UnknownDealToWrite(Guid id) => new(NotFoundType, "Not Found", 404, $"No deal with id {id} exists.");

    /// <summary>A 409 of a write the deal's state refuses.</summary>
    public static Problem DealConflict(string detail, long? currentVersion) =>
        new(ConflictType, "The request conflicts with the deal's current state.", 409, detail, CurrentVersion: currentVersion);

    /// <summary>The 409 of a write whose expected version is not the deal's.</summary>
    public static Problem StaleVersion(Guid id, long currentVersion, long expectedVersion) => DealConflict(
        $"Deal {id} is at version {currentVersion}, not the expected version {expectedVersion}: reload it and decide again.", currentVersion);

    /// <summary>A 400 naming each field with its messages.</summary>
    public static Problem Invalid(params (string Field, string Message)[] errors) => new(
        BadRequestType, "The request is invalid.", 400,
        Errors: Sorted(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())));

    /// <summary>The problem answered over HTTP: application/problem+json, read strictly (an unknown member fails).</summary>
    public static async Task<Problem> ReadAsync(IScenarioResult result)
    {
        Assert.Equal("application/problem+json", result.Context.Response.ContentType?.Split(';')[0]);
        return Read(await result.ReadAsTextAsync());
    }

    /// <summary>The problem answered to a plain HTTP client: application/problem+json, read strictly.</summary>
    public static async Task<Problem> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return Read(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static Problem Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        var known = new[] { "type", "title", "status", "detail", "errors", "currentVersion", "traceId" };
        var unknown = root.EnumerateObject().Select(m => m.Name).Except(known).ToList();
        Assert.True(unknown.Count == 0, $"The problem has members no test expects ({string.Join(", ", unknown)}): {json}");
        var problem = TestJson.Read<Problem>(JsonSerializer.Serialize(new
        {
            type = Member(root, "type"),
            title = Member(root, "title"),
            status = Member(root, "status"),
            detail = Member(root, "detail"),
            errors = Member(root, "errors"),
            currentVersion = Member(root, "currentVersion"),
        }));
        return problem with { Errors = problem.Errors is null ? null : Sorted(problem.Errors) };
    }

    /// <summary>The problem a command's Validate returned, as the API would answer it.</summary>
    public static Problem Of(ProblemDetails problem)
    {
        var unknown = problem.Extensions.Keys.Except(["currentVersion"]).ToList();
        Assert.True(unknown.Count == 0, $"The problem has extensions no test expects: {string.Join(", ", unknown)}");
        return new Problem(
            problem.Type,
            problem.Title ?? throw new InvalidOperationException("A problem without a title."),
            problem.Status ?? throw new InvalidOperationException("A problem without a status."),
            problem.Detail,
            problem is ValidationProblemDetails validation ? Sorted(validation.Errors) : null,
            problem.Extensions.TryGetValue("currentVersion", out var version) ? Assert.IsType<long>(version) : null);
    }

    /// <summary>This status and, when fields are given, exactly these fields named in <c>errors</c>.</summary>
    public Problem ShouldBe(int status, params string[] fields)
    {
        Assert.Equal(status, Status);
        if (fields.Length > 0)
        {
            Assert.NotNull(Errors);
            Assert.Equal(fields.Order(StringComparer.Ordinal), Errors.Keys.Order(StringComparer.Ordinal));
        }

        return this;
    }

    /// <summary>Errors in field order, so that whole problems compare whatever order the fields were checked in.</summary>
    private static SortedDictionary<string, string[]> Sorted(IEnumerable<KeyValuePair<string, string[]>> errors) =>
        new(errors.ToDictionary(), StringComparer.Ordinal);

    private static JsonElement? Member(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value : null;
}
