using System.Diagnostics;
using System.Text.RegularExpressions;
using Negotiations.Tests.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Docs;

/// <summary>
/// The README cannot drift: every ```bash walkthrough block runs, as written, against the real service (its own
/// process, on a free port instead of 5080), each on its own, and every <c># → line</c> it states must appear in its
/// output in that order (<c>…</c> stands for anything).
/// </summary>
public partial class ReadmeWalkthroughTests(ApiFixture fixture) : ApiTest(fixture)
{
    public static TheoryData<string> Blocks() => [.. ReadBlocks().Select(b => b.Name)];

    [Theory]
    [MemberData(nameof(Blocks))]
    public async Task the_readme_block_runs_against_the_service_and_prints_what_it_says(string name)
    {
        var block = ReadBlocks().Single(b => b.Name == name);
        await using var service = ServiceProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__Negotiations"] = Fixture.ConnectionString });
        await service.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));

        var script = block.Script.Replace("http://localhost:5080", service.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal);
        var output = await RunAsync(script);

        var lines = output.Split('\n');
        var at = 0;
        foreach (var expected in block.Expected)
        {
            var pattern = new Regex("^" + string.Join(".*", expected.Split('…').Select(Regex.Escape)) + "$");
            var found = Array.FindIndex(lines, at, line => pattern.IsMatch(line.TrimEnd()));
            Assert.True(found >= 0, $"README block '{name}': no line after line {at} matches\n  {expected}\nOutput:\n{output}");
            at = found + 1;
        }
    }

    private static async Task<string> RunAsync(string script)
    {
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var bash = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = bash.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = bash.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await bash.WaitForExitAsync(timeout.Token);
        Assert.True(bash.ExitCode == 0, $"The block failed ({bash.ExitCode}):\n{await output}\n{await errors}");
        return await output;
    }

    /// <summary>The README's ```bash walkthrough blocks: each named by the first comment line, with its expected lines.</summary>
    private static IReadOnlyList<(string Name, string Script, IReadOnlyList<string> Expected)> ReadBlocks() =>
        [.. Fence().Matches(File.ReadAllText(Path.Combine(Repository.Root, "README.md"))).Select(match =>
        {
            var script = match.Groups["script"].Value;
            var lines = script.Split('\n');
            var name = lines.First(l => l.StartsWith('#')).TrimStart('#', ' ');
            return (name, script, (IReadOnlyList<string>)[.. lines.Where(l => l.TrimStart().StartsWith("# → ", StringComparison.Ordinal))
                .Select(l => l.TrimStart()["# → ".Length..])]);
        })];

    [GeneratedRegex("```bash walkthrough\\n(?<script>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
