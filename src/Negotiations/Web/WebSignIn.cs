using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Negotiations.Security;

namespace Negotiations.Web;

/// <summary>
/// How a browser is signed in. In the open Development mode (no keys configured) the pages are open, as the API is;
/// otherwise an API key entered once on the sign-in page becomes an HttpOnly, SameSite=Strict cookie (Secure when the
/// request came over HTTPS) naming the key's holder and role, and the key's hash, so that a key removed from the
/// configuration signs its cookies out at their next request. The key itself is kept nowhere.
/// </summary>
public static class WebSignIn
{
    /// <summary>The scheme the pages authenticate with: the API's own in open mode, else the cookie.</summary>
    public const string Scheme = "Web";
    public const string CookieScheme = "WebCookie";
    public const string CookieName = "negotiations-session";
    public const string SignInPath = "/sign-in";
    public const string SignOutPath = "/sign-out";
    private const string KeyHashClaim = "negotiations:key-sha256";

    public static void AddSchemes(IServiceCollection services) =>
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Dashboard", options => options.ForwardDefaultSelector = context =>
                context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.OpenForLocalUse
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieScheme)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = SignInPath;
                options.AccessDeniedPath = SignInPath;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = StillConfiguredAsync;
            });

    /// <summary>The principal for a key, or null when no configured key matches it.</summary>
    public static ClaimsPrincipal? For(AuthOptions auth, string key)
    {
        if (ApiKeyAuthenticationHandler.Match(auth, key.Trim()) is not { } match)
        {
            return null;
        }

        var principal = ApiKeyAuthenticationHandler.Principal(match.Name, match.Role, viaKey: true, CookieScheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(KeyHashClaim, match.Sha256));
        return principal;
    }

    /// <summary>A cookie counts only while its key is still configured with the same holder and role.</summary>
    private static async Task StillConfiguredAsync(CookieValidatePrincipalContext context)
    {
        var auth = context.HttpContext.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
        var hash = context.Principal?.FindFirstValue(KeyHashClaim);
        var key = auth.Keys.FirstOrDefault(k => k.Sha256 == hash);
        if (key is null || key.Name != context.Principal!.Identity?.Name || !context.Principal.IsInRole(key.Role))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }

    /// <summary>POST /sign-out (a form with its antiforgery token): the cookie is dropped.</summary>
    public static async Task<IResult> SignOutAsync(HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] IFormCollection form)
    {
        _ = form;
        await context.SignOutAsync(CookieScheme);
        return Results.Redirect(SignInPath);
    }
}

/// <summary>What the signed-in user may see and do on the pages: the API's roles.</summary>
public static class WebUser
{
    public static bool CanRecord(ClaimsPrincipal user) => user.IsInRole(Roles.Recorder) || user.IsInRole(Roles.Admin);

    public static bool CanAudit(ClaimsPrincipal user) => user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Admin);

    /// <summary>Answers with a status and the page itself (not the API's problem body the status-code pages would write).</summary>
    public static void Status(HttpContext context, int status)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        context.Response.StatusCode = status;
    }
}
