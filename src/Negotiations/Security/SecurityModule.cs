using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Security;

/// <summary>
/// Who may do what: API keys from configuration, one role each, checked on every route but <c>/health</c>; and a per-key
/// limit on writes. Development without keys runs open as one local admin; any other environment refuses to start
/// without keys. Writes (every non-GET) need a Recorder; reads any role, unless an endpoint names its own policy with
/// <c>[Authorize(Policy = …)]</c> (as the tamper-evidence routes name <see cref="AuditPolicy"/>).
/// </summary>
public sealed partial class SecurityModule : IServiceModule
{
    public const string ReadPolicy = "read";
    public const string RecordPolicy = "record";
    public const string AuditPolicy = "audit";
    public const string AdminPolicy = "admin";
    public const string WritesLimiter = "writes";

    /// <summary>10 writes a second, sustained for a minute, per key: far above what a team of analysts types.</summary>
    public const int DefaultWritesPerMinute = 600;

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(ApiDocument.Name, ApiKeyDocument.Configure);
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var keysRefused = false;
        try
        {
            CheckKeys(auth.Keys);
        }
        catch (SecurityConfigurationException refusal)
        {
            // Refused when the service starts, so that create-api-key still runs to make the key the configuration lacks;
            // meanwhile no key is valid, and the open mode is not taken either.
            auth.Keys = [];
            keysRefused = true;
            builder.Services.AddHostedService(_ => new RefuseToStart(refusal));
        }

        if (auth.Keys.Count == 0 && !keysRefused)
        {
            if (!builder.Environment.IsDevelopment())
            {
                // Refused when the service starts, not while it is built, so commands such as create-api-key still run.
                var refusal = new SecurityConfigurationException(
                    $"No API keys are configured (Auth:Keys) and the environment is '{builder.Environment.EnvironmentName}'. " +
                    "Create one with `dotnet run --project src/Negotiations -- create-api-key <name> <Recorder|Auditor|Admin>` and set the " +
                    "configuration lines it prints. Only the Development environment runs without keys, open to a single local user.");
                builder.Services.AddHostedService(_ => new RefuseToStart(refusal));
            }
            else
            {
                auth.OpenForLocalUse = true;
                Console.WriteLine(
                    "WARNING: no API keys configured (Auth:Keys): running OPEN in Development, every caller is the local admin. " +
                    "Never expose this instance.");
            }
        }

        builder.Services.Configure<AuthOptions>(options =>
        {
            // Hashes are compared as lowercase hex, as create-api-key prints them.
            options.Keys = [.. auth.Keys.Select(k => new ApiKeyOptions { Name = k.Name.Trim(), Role = k.Role, Sha256 = k.Sha256.ToLowerInvariant() })];
            options.OpenForLocalUse = auth.OpenForLocalUse;
        });
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            // Any endpoint without a policy of its own still needs a caller.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(ReadPolicy, policy => policy.RequireRole(Roles.All))
            .AddPolicy(RecordPolicy, policy => policy.RequireRole(Roles.Recorder, Roles.Admin))
            .AddPolicy(AuditPolicy, policy => policy.RequireRole(Roles.Auditor, Roles.Admin))
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin));

        var writesPerMinute = builder.Configuration.GetValue<int?>("RateLimiting:WritesPerMinute") ?? DefaultWritesPerMinute;
        builder.Services.AddRateLimiter(options =>
        {
            options.OnRejected = RejectTooManyAsync;
            options.AddPolicy(WritesLimiter, context => writesPerMinute <= 0
                ? RateLimitPartition.GetNoLimiter("unlimited")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.User.HasClaim(c => c.Type == ApiKeyAuthenticationHandler.KeyHolderClaim)
                        ? $"key:{context.User.Identity?.Name}"
                        : $"address:{context.Connection.RemoteIpAddress}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = writesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    public void ConfigureHttp(WolverineHttpOptions http)
    {
        http.ConfigureEndpoints(Protect);
        http.AddMiddleware(typeof(RecordedBy), chain => chain.HttpMethods.Contains("POST"));
    }

    public void UsePipeline(WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    /// <summary>Which policy guards an endpoint: its own <c>[Authorize]</c>, else Recorder for writes and any role for reads.</summary>
    public static void Protect(HttpChain chain)
    {
        var own = chain.Method.Method.GetCustomAttributes(inherit: true).OfType<IAuthorizeData>().ToArray();
        if (own.Length > 0)
        {
            chain.Metadata.RequireAuthorization(own);
        }

        if (chain.HttpMethods.Any(method => method is not ("GET" or "HEAD")))
        {
            chain.Metadata.RequireAuthorization(RecordPolicy).RequireRateLimiting(WritesLimiter);
            // Idempotency-Key: a repeat of the same request gets the first answer replayed, a different request under the
            // same key a 422. The claim is written in the command's own transaction, so a rolled-back command claims nothing
            // and two racing repeats record once. Keys are the caller's: scoped to the key holder.
            chain.DeduplicatedWithResponse = new DeduplicatedWithResponseRequirement
            {
                Scope = DeduplicationScope.User,
                Required = false,
                ClaimInTransaction = true,
            };
        }
        else if (own.Length == 0)
        {
            chain.Metadata.RequireAuthorization(ReadPolicy);
        }
    }

    private static void CheckKeys(List<ApiKeyOptions> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                problems.Add("Name is empty");
            }

            if (!Roles.All.Contains(key.Role))
            {
                problems.Add($"Role '{key.Role}' is not one of {string.Join(", ", Roles.All)}");
            }

            if (!Sha256Hex().IsMatch(key.Sha256 ?? ""))
            {
                problems.Add("Sha256 is not 64 hexadecimal characters (the key's SHA-256, never the key itself)");
            }

            if (problems.Count > 0)
            {
                throw new SecurityConfigurationException($"Auth:Keys:{i} ({key.Name}): {string.Join("; ", problems)}.");
            }
        }

        var duplicate = keys.GroupBy(k => k.Sha256.ToLowerInvariant()).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SecurityConfigurationException($"Auth:Keys: {string.Join(" and ", duplicate.Select(k => k.Name))} have the same key.");
        }

        // A name is who recorded an event, and whose rate limit and idempotency keys these are: it must be one holder's.
        var sharedName = keys.GroupBy(k => k.Name.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (sharedName is not null)
        {
            throw new SecurityConfigurationException($"Auth:Keys: the name '{sharedName.Key}' is given to {sharedName.Count()} keys; names must be unique.");
        }
    }

    private static async ValueTask RejectTooManyAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many writes.",
            Type = "https://tools.ietf.org/html/rfc6585#section-4",
            Detail = $"This key may record at most its configured number of events a minute; retry after {context.Response.Headers.RetryAfter} s.",
        });
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Hex();
}

public sealed class SecurityConfigurationException(string message) : StartupRefusedException(message);

/// <summary>Stops the host at start-up with the configuration problem found while it was built.</summary>
internal sealed class RefuseToStart(SecurityConfigurationException refusal) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => throw refusal;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
