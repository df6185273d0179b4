using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;

namespace Negotiations.Intake.Fetching;

/// <summary>
/// Fetches a page to archive: http or https only, at most <see cref="MaxRedirects"/> redirects (each hop checked again),
/// <see cref="MaxBytes"/> at most, time-limited, with a User-Agent that says who asks. Addresses in private, loopback,
/// link-local and other non-public ranges are refused, checked on the address actually connected to (a name that
/// resolves elsewhere later cannot slip through), unless <c>Intake:AllowPrivateNetworks</c> is true.
/// </summary>
public sealed class PageFetcher(HttpClient client, bool allowPrivateNetworks)
{
    public const string AllowPrivateNetworksSetting = "Intake:AllowPrivateNetworks";
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRedirects = 5;
    public const string UserAgent = "NegotiationsIntake/1.0 (deal-negotiation tracker; archives one page per request)";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>The client fetches go through: no automatic redirects, a connection that refuses non-public addresses.</summary>
    public static HttpClient CreateClient(bool allowPrivateNetworks) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.Where(a => allowPrivateNetworks || IsPublic(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"{context.DnsEndPoint.Host} has no public address.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        Timeout = Timeout,
        DefaultRequestHeaders = { { "User-Agent", UserAgent }, { "Accept", "text/html, application/xhtml+xml, text/plain;q=0.8" } },
    };

    private static readonly string[] PageTypes = ["text/html", "application/xhtml+xml", "text/plain"];
    private static readonly string[] FeedTypes = ["application/rss+xml", "application/atom+xml", "application/xml", "text/xml"];

    /// <summary>The page read, or the problem: 400 naming <c>url</c> for an address refused, 502 for a page that could not be had.</summary>
    public async Task<(ReadablePage? Page, Uri? Url, ProblemDetails? Problem)> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var (body, mediaType, at, problem) = await GetAsync(url, PageTypes, cancellationToken);
        return body is null ? (null, null, problem) : (mediaType == "text/plain" ? PageText.FromPlainText(body) : PageText.FromHtml(body), at, null);
    }

    /// <summary>A feed's XML (RSS or Atom), under the same rules as a page.</summary>
    public async Task<(string? Xml, ProblemDetails? Problem)> FetchFeedAsync(Uri url, CancellationToken cancellationToken)
    {
        var (body, _, _, problem) = await GetAsync(url, FeedTypes, cancellationToken);
        return (body, problem);
    }

    private async Task<(string? Body, string MediaType, Uri Url, ProblemDetails? Problem)> GetAsync(Uri url, string[] accepted, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            if (await RefusedAsync(url, cancellationToken) is { } refusal)
            {
                return (null, "", url, Problems.Validation("url", refusal));
            }

            using var response = await SendAsync(url, cancellationToken);
            if (response is null)
            {
                return (null, "", url, Unreachable($"{url.Host} did not answer in time or refused the connection."));
            }

            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                if (hop == MaxRedirects)
                {
                    return (null, "", url, Unreachable($"{url} redirects more than {MaxRedirects} times."));
                }

                url = new Uri(url, location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, "", url, Unreachable($"{url} answered {(int)response.StatusCode}."));
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType ?? accepted[0];
            if (!accepted.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            {
                return (null, "", url, Unreachable($"{url} is {mediaType}, not {string.Join(" or ", accepted)}."));
            }

            if (response.Content.Headers.ContentLength > MaxBytes || await ReadAsync(response, cancellationToken) is not { } bytes)
            {
                return (null, "", url, Unreachable($"{url} is over {MaxBytes / (1024 * 1024)} MB."));
            }

            return (Encoding(response.Content.Headers.ContentType?.CharSet).GetString(bytes), mediaType.ToLowerInvariant(), url, null);
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<string?> RefusedAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return $"'url' must be http or https, not {url.Scheme}.";
        }

        if (allowPrivateNetworks)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"'url': {url.Host} is not a known host name.";
        }

        return addresses.Length == 0 || addresses.Any(a => !IsPublic(a))
            ? $"'url': {url.Host} is a private, loopback or link-local address; fetching it is refused (set {AllowPrivateNetworksSetting} to allow)."
            : null;
    }

    private static async Task<byte[]?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Encoding Encoding(string? charset)
    {
        try
        {
            return charset is null ? System.Text.Encoding.UTF8 : System.Text.Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            return System.Text.Encoding.UTF8;
        }
    }

    /// <summary>True for an address on the public internet: not private, loopback, link-local, shared, multicast or unspecified.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC);
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224);
    }

    private static ProblemDetails Unreachable(string detail) => new()
    {
        Status = StatusCodes.Status502BadGateway,
        Title = "The page could not be fetched.",
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.6.3",
    };
}
