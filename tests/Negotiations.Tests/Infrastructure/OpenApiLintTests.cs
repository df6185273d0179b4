using Xunit;

namespace Negotiations.Tests.Infrastructure;

/// <summary>The served OpenAPI document passes Redocly CLI's recommended rules (redocly.yaml) with no error.</summary>
public class OpenApiLintTests(ApiFixture fixture) : ApiTest(fixture)
{
    public const string RedoclyCli = "@redocly/cli@2.77.0";

    [Fact]
    public async Task the_served_document_passes_redocly_lint_with_no_errors()
    {
        Npx.RequireNode();
        var folder = TempFolder.Create("negotiations-openapi");
        try
        {
            var document = Path.Combine(folder, "openapi.json");
            var served = await Host.Server.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(document, served, TestContext.Current.CancellationToken);
            await Npx.RunAsync(folder, RedoclyCli, "lint", "--config", Path.Combine(Repository.Root, "redocly.yaml"), document);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }
}
