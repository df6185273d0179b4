namespace Negotiations.Infrastructure;

/// <summary>
/// The headers every answer carries: no content sniffing, no referrer sent to other sites, never framed, HTTPS kept
/// once used; an HTML page also gets a Content-Security-Policy that lets it load and post to this origin only, with no
/// inline script or style (the dashboard's styles are in its stylesheet). The API reference page (Scalar) is the one
/// exception: it configures its served script inline, so its policy also allows inline script and style, and nothing
/// from another origin.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>A year, the usual HSTS age; sent on HTTPS answers only (a browser ignores it over plain HTTP).</summary>
    public const string TransportSecurity = "max-age=31536000; includeSubDomains";

    public static Task Add(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = TransportSecurity;
            }

            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiDocument.DocsRoute) ? ReferencePolicy : PagePolicy;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
