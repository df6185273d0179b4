using System.Diagnostics;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

/// <summary>Runs an npm package's command through npx (Node.js: .ci/run installs it when missing) and fails on a non-zero exit.</summary>
public static class Npx
{
    /// <summary>
    /// Without Node.js the npm-based checks are skipped, saying so (the README's two commands need only the .NET SDK and
    /// PostgreSQL); under CI (<c>CI</c> set) they must run, and .ci/run installs Node.js first.
    /// </summary>
    public static void RequireNode()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => File.Exists(Path.Combine(folder, "npx")));
        if (!found && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Skip("Node.js (npx) is not installed: install nodejs and npm to run this check (.ci/run installs them).");
        }

        Assert.True(found, "npx is not installed: .ci/run installs Node.js before the tests.");
    }

    public static async Task RunAsync(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("npx", ["-y", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("npx did not start: is Node.js installed?");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"npx {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await errors}");
    }
}
