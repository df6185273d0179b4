using System.Data.Common;
using Microsoft.Extensions.Primitives;

namespace Negotiations.Infrastructure;

/// <summary>
/// Keeps secrets out of what the <c>describe</c> verb prints: it lists every configuration value of every provider, so
/// for that verb each provider is wrapped in one that answers a connection string without its password and any value
/// named like a secret (password, secret, token, OTLP headers) as <see cref="Hidden"/>. Only for display: the service
/// itself reads the real values before this is applied.
/// </summary>
public static class ConfigurationSecrets
{
    public const string Hidden = "***";

    private static readonly string[] SecretNames = ["password", "secret", "token", "otel_exporter_otlp_headers", "apikey", "api_key"];

    public static void HideFromDisplay(ConfigurationManager configuration)
    {
        var sources = configuration.Sources.ToList();
        configuration.Sources.Clear();
        foreach (var source in sources)
        {
            configuration.Sources.Add(new HidingSource(source));
        }
    }

    /// <summary>The value as it may be shown: a connection string keeps everything but its password.</summary>
    public static string? Displayed(string key, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var name = key.ToLowerInvariant();
        if (name.StartsWith("connectionstrings:", StringComparison.Ordinal) || value.Contains("password=", StringComparison.OrdinalIgnoreCase))
        {
            return WithoutPassword(value);
        }

        return SecretNames.Any(secret => name.Replace("__", ":", StringComparison.Ordinal).Contains(secret, StringComparison.Ordinal)) ? Hidden : value;
    }

    private static string WithoutPassword(string connectionString)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var key in builder.Keys.Cast<string>().Where(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() is "password" or "pwd").ToList())
            {
                builder[key] = Hidden;
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return Hidden;
        }
    }

    private sealed class HidingSource(IConfigurationSource inner) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new HidingProvider(inner.Build(builder));

        public override string ToString() => inner.ToString() ?? nameof(HidingSource);
    }

    private sealed class HidingProvider(IConfigurationProvider inner) : IConfigurationProvider
    {
        public bool TryGet(string key, out string? value)
        {
            var found = inner.TryGet(key, out value);
            value = Displayed(key, value);
            return found;
        }

        public void Set(string key, string? value) => inner.Set(key, value);

        public IChangeToken GetReloadToken() => inner.GetReloadToken();

        public void Load() => inner.Load();

        public IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath) => inner.GetChildKeys(earlierKeys, parentPath);

        public override string ToString() => inner.ToString() ?? nameof(HidingProvider);
    }
}
