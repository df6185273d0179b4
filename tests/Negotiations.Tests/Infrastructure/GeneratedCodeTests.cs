using System.Diagnostics;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

/// <summary>
/// Production runs on the handler code the build generated and compiled in (TypeLoadMode.Static, see
/// Negotiations.csproj): these fail when that code no longer matches the endpoints, instead of a route silently 404ing.
/// </summary>
public class GeneratedCodeTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_handler_code_compiled_into_the_service_is_what_its_endpoints_generate_now()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var project = Path.Combine(Repository.Root, "src", "Negotiations");
        var compiled = Path.Combine(project, "obj", "generated", configuration, "Internal", "Generated");
        var fresh = TempFolder.Create("negotiations-codegen");
        try
        {
            await CodegenWriteAsync(Path.Combine(project, "bin", configuration, "net10.0", "Negotiations.dll"), fresh);

            var expected = Files(Path.Combine(fresh, "Internal", "Generated"));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Files(compiled));
        }
        finally
        {
            TempFolder.Delete(fresh);
        }
    }

    [Fact]
    public async Task production_serves_every_route_from_pre_generated_code_that_development_finds_by_scanning()
    {
        await using var production = await ApiFixture.StartHostAsync(Fixture.ConnectionString, "Production", ApiKeys.Settings);

        Assert.Equal(TypeLoadMode.Static, production.Services.GetRequiredService<WolverineOptions>().CodeGeneration.TypeLoadMode);
        Assert.Equal(TypeLoadMode.Dynamic, Host.Services.GetRequiredService<WolverineOptions>().CodeGeneration.TypeLoadMode);
        Assert.Equal(Routes(Host.Services), Routes(production.Services));
    }

    /// <summary>The build's own step: the service writes its handler code, with no database, into the given folder.</summary>
    private static async Task CodegenWriteAsync(string serviceDll, string folder)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { serviceDll, "codegen", "write" },
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment.Remove("ConnectionStrings__Negotiations");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start codegen write.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"codegen write exited with {process.ExitCode}:\n{await output}\n{await error}");
    }

    private static SortedDictionary<string, string> Files(string folder) => new(
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .ToDictionary(file => Path.GetRelativePath(folder, file), File.ReadAllText)
            : [],
        StringComparer.Ordinal);

    private static List<string> Routes(IServiceProvider services) => services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}")
        .Order(StringComparer.Ordinal)
        .ToList();
}
