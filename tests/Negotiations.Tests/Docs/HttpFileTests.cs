using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Negotiations.Tests.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Docs;

/// <summary>
/// docs/negotiations.http runs, request by request, against the real service (its own process), and each answer has
/// the status its <c># expect</c> line says; <c>{{name.response.body.$.member}}</c> takes a member of an earlier answer.
/// </summary>
public partial class HttpFileTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task every_request_of_the_http_file_gets_the_status_it_expects()
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__Negotiations"] = Fixture.ConnectionString });
        await service.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        var text = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", "negotiations.http"), TestContext.Current.CancellationToken);
        var variables = Variable().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim());
        variables["base"] = service.BaseAddress.ToString().TrimEnd('/');
        var answers = new Dictionary<string, JsonElement>();
        var sent = 0;

        foreach (var request in text.Split("\n###")[1..])
        {
            var lines = request.Split('\n');
            var title = lines[0].Trim();
            var name = lines.Select(l => NameLine().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
            var expected = int.Parse(lines.Select(l => ExpectLine().Match(l)).First(m => m.Success).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var start = Array.FindIndex(lines, 1, l => RequestLine().IsMatch(l));
            var end = Array.FindIndex(lines, start, string.IsNullOrWhiteSpace);
            var (method, url) = (lines[start].Split(' ')[0], Substitute(lines[start].Split(' ', 2)[1].Trim(), variables, answers));
            using var message = new HttpRequestMessage(new HttpMethod(method), url);
            var body = end < 0 ? "" : Substitute(string.Join('\n', lines[end..]).Trim(), variables, answers);
            if (body.Length > 0)
            {
                message.Content = new StringContent(body, Encoding.UTF8);
            }

            foreach (var header in lines[(start + 1)..(end < 0 ? lines.Length : end)].Select(l => l.Split(':', 2)))
            {
                var value = Substitute(header[1].Trim(), variables, answers);
                if (header[0].Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    message.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                }
                else
                {
                    message.Headers.Add(header[0], value);
                }
            }

            using var response = await service.Client.SendAsync(message, TestContext.Current.CancellationToken);
            var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True((int)response.StatusCode == expected, $"'{title}': {method} {url} answered {(int)response.StatusCode}, not {expected}:\n{answer}");
            if (name is not null)
            {
                answers[name] = JsonDocument.Parse(answer).RootElement.Clone();
            }

            sent++;
        }

        Assert.True(sent >= 10, $"Only {sent} requests were found in the file.");
    }

    private static string Substitute(string text, Dictionary<string, string> variables, Dictionary<string, JsonElement> answers) =>
        Reference().Replace(text, m => m.Groups["answer"].Success
            ? answers[m.Groups["answer"].Value].GetProperty(m.Groups["member"].Value).ToString()
            : variables[m.Groups["name"].Value]);

    [GeneratedRegex(@"^@(?<name>\w+)\s*=\s*(?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex Variable();

    [GeneratedRegex(@"^#\s*@name\s+(\w+)")]
    private static partial Regex NameLine();

    [GeneratedRegex(@"^#\s*expect\s+(\d{3})")]
    private static partial Regex ExpectLine();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE|HEAD)\s")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"\{\{(?:(?<answer>\w+)\.response\.body\.\$\.(?<member>\w+)|(?<name>\w+))\}\}")]
    private static partial Regex Reference();
}
