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
catch (LocalPostgresUnavailableException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
finally
{
    if (localPostgres is not null)
    {
        await localPostgres.StopAsync();
    }
}

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
