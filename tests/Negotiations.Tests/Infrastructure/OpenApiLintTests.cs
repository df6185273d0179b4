using System.Diagnostics;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

/// <summary>The served OpenAPI document passes Redocly CLI's recommended rules (redocly.yaml) with no error.</summary>
public class OpenApiLintTests(ApiFixture fixture) : ApiTest(fixture)
{
    public const string RedoclyCli = "@redocly/cli@2.77.0";

    [Fact]
    public async Task the_served_document_passes_redocly_lint_with_no_errors()
    {
        var folder = TempFolder.Create("negotiations-openapi");
        try
        {
            var document = Path.Combine(folder, "openapi.json");
            var served = await Host.Server.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(document, served, TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo("npx", ["-y", RedoclyCli, "lint", "--config", Path.Combine(Repository.Root, "redocly.yaml"), document])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            start.Environment["NO_COLOR"] = "1";
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var lint = Process.Start(start) ?? throw new InvalidOperationException("npx did not start: is Node.js installed?");
            var output = lint.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = lint.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            await lint.WaitForExitAsync(timeout.Token);

            Assert.True(lint.ExitCode == 0, $"Redocly lint failed ({lint.ExitCode}):\n{await output}\n{await errors}");
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
