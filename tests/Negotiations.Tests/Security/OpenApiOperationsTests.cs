using System.Text.Json;
using Negotiations.Tests.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Security;

/// <summary>A client generated from the document can send every command and read every answer's type.</summary>
public class OpenApiOperationsTests(ApiFixture fixture, KeyedHost keyed) : ApiTest(fixture), IClassFixture<KeyedHost>
{
    [Fact]
    public async Task every_command_describes_its_required_json_body_and_every_read_its_typed_answer()
    {
        var document = await keyed.Host.GetJson("/openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Route: path.Name, Method: op.Name, Operation: op.Value)))
            .Where(op => op.Route.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(35, operations.Count(op => op.Method == "post"));
        var example = document.GetProperty("paths").GetProperty("/api/deals").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("Amazon invests in OpenAI", example.GetProperty("title").GetString());
        foreach (var (route, method, operation) in operations)
        {
            Assert.True(operation.TryGetProperty("summary", out var summaryText), $"{method} {route} has no summary");
            Assert.True(operation.TryGetProperty("tags", out _), $"{method} {route} has no tag");
            var summary = summaryText.GetString()!;
            Assert.True(summary.Contains(' ', StringComparison.Ordinal) && !summary.Contains("_api_", StringComparison.Ordinal), $"{method} {route}: summary '{summary}'");
            Assert.Single(operation.GetProperty("tags").EnumerateArray());
            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            if (!responses.Any(r => r.Name is "200" or "201"))
            {
                // An action answered with no body: a replay queued (202), a watch deleted (204).
                Assert.Contains(responses, r => r.Name is "202" or "204");
                continue;
            }

            var answer = responses.First(r => r.Name is "200" or "201").Value;
            Assert.True(answer.TryGetProperty("content", out var content), $"{method} {route} describes no answer body");
            if (!content.TryGetProperty("application/json", out var json))
            {
                // A feed (Atom) is text of its own media type.
                Assert.Equal(["application/atom+xml"], content.EnumerateObject().Select(c => c.Name));
                continue;
            }

            var schema = json.GetProperty("schema");
            Assert.True(schema.TryGetProperty("$ref", out _) || schema.GetProperty("type").GetString() == "array", $"{method} {route}: {schema}");
            // Every command has a body; an operator's action on a view (a rebuild) or a delivery (a replay) takes none.
            if (method == "post" && !route.StartsWith("/api/views/", StringComparison.Ordinal) && !route.EndsWith("/replay", StringComparison.Ordinal))
            {
                Assert.True(operation.TryGetProperty("requestBody", out var body), $"{method} {route} has no body");
                Assert.True(body.GetProperty("required").GetBoolean(), $"{method} {route}");
                Assert.Equal(JsonValueKind.Object, body.GetProperty("content").GetProperty("application/json").GetProperty("schema").ValueKind);
            }
        }
    }
}
