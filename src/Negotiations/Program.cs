using JasperFx;
using Negotiations.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

LocalPostgres? localPostgres = null;
try
{
    (var connectionString, localPostgres) = await Database.ResolveAsync(builder.Configuration);
    builder.AddNegotiations(connectionString);
    var app = builder.Build();
    app.UseNegotiations();
    return await app.RunJasperFxCommands(args);
}
catch (Exception e) when (e is LocalPostgresUnavailableException or Negotiations.Security.SecurityConfigurationException)
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
