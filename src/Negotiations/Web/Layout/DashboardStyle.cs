using System.Security.Cryptography;

namespace Negotiations.Web.Layout;

/// <summary>
/// The dashboard's one stylesheet, shipped inside the assembly and served by the app itself (no CDN, no web font: the
/// system font stack), cached by browsers under its content hash.
/// </summary>
public static class DashboardStyle
{
    private static readonly byte[] Content = Read();

    /// <summary>The stylesheet's address, versioned by its content so a new build is never served from a stale cache.</summary>
    public static readonly string Path = "/dashboard.css";

    public static readonly string Href = $"{Path}?v={Convert.ToHexStringLower(SHA256.HashData(Content))[..12]}";

    public static IResult Serve(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(Content, "text/css; charset=utf-8");
    }

    private static byte[] Read()
    {
        using var stream = typeof(DashboardStyle).Assembly.GetManifestResourceStream("Negotiations.Web.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard stylesheet is not embedded in the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

}
