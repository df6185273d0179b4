using Negotiations.Infrastructure;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Negotiations.Security;

public static class Roles
{
    public const string Recorder = "Recorder";
    public const string Auditor = "Auditor";
    public const string Admin = "Admin";

    public static readonly string[] All = [Recorder, Auditor, Admin];
}

/// <summary>One configured key: who it is, what it may do, and the SHA-256 of the key (lowercase hex), never the key.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Sha256 { get; set; } = "";
}

/// <summary>Configuration section <c>Auth</c>: <c>Auth:Keys:0:Name</c>, <c>Auth:Keys:0:Role</c>, <c>Auth:Keys:0:Sha256</c>, …</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public List<ApiKeyOptions> Keys { get; set; } = [];

    /// <summary>Development with no keys: everyone is one local admin (said loudly at start-up).</summary>
    public bool OpenForLocalUse { get; set; }
}

public static class ApiKeyHash
{
    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new key: 32 random bytes, URL-safe Base64, prefixed so it is recognisable in a secret scanner.</summary>
    public static string NewKey() => "neg_" + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Authenticates <c>X-Api-Key: &lt;key&gt;</c> or <c>Authorization: ApiKey &lt;key&gt;</c> against the configured hashes. Every
/// configured hash is compared in constant time, with no early exit, so timing tells nothing about which key is near.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string LocalUser = "local";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (auth.Value.OpenForLocalUse)
        {
            return Task.FromResult(Success(LocalUser, Roles.Admin, viaKey: false));
        }

        var presented = PresentedKey();
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var match = Match(auth.Value, presented);
        return Task.FromResult(match is null ? AuthenticateResult.Fail("Unknown API key.") : Success(match.Name, match.Role, viaKey: true));
    }

    /// <summary>The configured key whose hash is the presented key's, or null; also how the dashboard's sign-in checks a key.</summary>
    public static ApiKeyOptions? Match(AuthOptions auth, string presented)
    {
        var hash = Encoding.ASCII.GetBytes(ApiKeyHash.Of(presented));
        ApiKeyOptions? match = null;
        foreach (var key in auth.Keys)
        {
            // Every key is compared, and each comparison takes the same time, whichever matched.
            if (CryptographicOperations.FixedTimeEquals(hash, Encoding.ASCII.GetBytes(key.Sha256)))
            {
                match = key;
            }
        }

        return match;
    }

    /// <summary>A 401 that says how to authenticate: <c>WWW-Authenticate: ApiKey header="X-Api-Key"</c> (RFC 9110) and a detail.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await Context.WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "An API key is required.",
            Detail = PresentedKey() is null
                ? $"Send a key as '{HeaderName}: <key>' or 'Authorization: {SchemeName} <key>'."
                : "The API key presented is not a configured one.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        });
    }

    private string? PresentedKey()
    {
        var header = Request.Headers[HeaderName].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var authorization = Request.Headers.Authorization.ToString();
        return authorization.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) ? authorization["ApiKey ".Length..].Trim() : null;
    }

    private static AuthenticateResult Success(string name, string role, bool viaKey) =>
        AuthenticateResult.Success(new AuthenticationTicket(Principal(name, role, viaKey, SchemeName), SchemeName));

    /// <summary>Who the caller is: a name, a role, and whether a key identified them (then the name is their writes' recorded-by).</summary>
    public static ClaimsPrincipal Principal(string name, string role, bool viaKey, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        if (viaKey)
        {
            claims.Add(new Claim(KeyHolderClaim, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>Marks a caller identified by a key, whose name then is the recorded-by of its writes.</summary>
    public const string KeyHolderClaim = "negotiations:key-holder";
}
