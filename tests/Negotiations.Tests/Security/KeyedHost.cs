using Alba;
using Negotiations.Tests.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Security;

/// <summary>The real Program with the three test keys configured (so not open), on the shared database.</summary>
public sealed class KeyedHost(ApiFixture fixture) : IAsyncLifetime
{
    private IAlbaHost? _host;

    public IAlbaHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() =>
        _host = await ApiFixture.StartHostAsync(fixture.ConnectionString, "Development", ApiKeys.With(("RateLimiting:WritesPerMinute", "0")));

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
