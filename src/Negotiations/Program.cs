using JasperFx;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Negotiations.Security;
using Negotiations.TamperEvidence;

// The service's capabilities, each a folder that owns its events, views, endpoints, rules and registration.
IServiceModule[] modules =
[
    new SecurityModule(),       // API keys, roles, write limits, who recorded what
    new DealsModule(),          // deal streams: report, propose, revise, close, abandon, correct, retract; status, history, claims, diff
    new TamperEvidenceModule(), // a hash chain over every event; verification and chain heads
];

var builder = WebApplication.CreateBuilder(args);
LocalPostgres? localPostgres = null;
try
{
    (var connectionString, localPostgres) = await Database.ResolveAsync(builder.Configuration);
    builder.AddPlatform(connectionString, modules);
    var app = builder.Build();
    app.UsePlatform(modules);
    return await app.RunJasperFxCommands(args);
}
catch (Exception e) when (e is StartupRefusedException)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
catch (Exception e) when (e is not HostAbortedException)
{
    // Caught so that the finally below stops a private PostgreSQL instead of leaving it running.
    await Console.Error.WriteLineAsync($"The service stopped on an unexpected error: {e}");
    return 1;
}
finally
{
    if (localPostgres is { StartedHere: true })
    {
        await localPostgres.StopAsync();
    }
}

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
