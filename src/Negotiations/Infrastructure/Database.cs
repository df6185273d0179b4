namespace Negotiations.Infrastructure;

public static class Database
{
    public const string ConnectionStringName = "Negotiations";

    /// <summary>
    /// The configured connection string (<c>ConnectionStrings:Negotiations</c>); with none, starts the private
    /// PostgreSQL cluster under <c>LocalPostgres:RootDirectory</c> (default <see cref="LocalPostgres.DefaultRootDirectory"/>)
    /// and returns it so the caller stops it after the host has stopped.
    /// </summary>
    public static async Task<(string ConnectionString, LocalPostgres? Started)> ResolveAsync(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (configured, null);
        }

        var root = configuration["LocalPostgres:RootDirectory"] ?? LocalPostgres.DefaultRootDirectory();
        var server = await LocalPostgres.StartAsync(root, configuration["LocalPostgres:BinDirectory"]);
        Console.WriteLine($"No ConnectionStrings:Negotiations configured: using the private PostgreSQL in {server.RootDirectory} (port {server.Port}).");
        return (server.ConnectionString, server);
    }
}
