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
        Console.WriteLine($"No ConnectionStrings:Negotiations configured: using the private PostgreSQL in {server.RootDirectory} (port {server.Port}): {server.How}.");
        return (server.ConnectionString, server);
    }

    /// <summary>
    /// For a verb that builds the host but never connects (create-api-key, openapi, help): the configured connection string,
    /// or one naming no server, so that no private PostgreSQL is started and none need be installed.
    /// </summary>
    public static string Unopened(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured ? configured : "Host=unused.invalid;Database=negotiations";
}
