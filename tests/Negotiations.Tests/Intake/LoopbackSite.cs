using System.Net;
using System.Text;
using Negotiations.Intake.Fetching;

namespace Negotiations.Tests.Intake;

/// <summary>A small web site on loopback for the fetcher to fetch: an article, redirects, a huge page, an image, a feed.</summary>
public sealed class LoopbackSite : IDisposable
{
    private readonly HttpListener _server = new();
    public Uri Base { get; }
    private readonly CancellationTokenSource _stop = new();

    public LoopbackSite()
    {
        Base = new Uri($"http://127.0.0.1:{Negotiations.Infrastructure.Ports.FreeLoopbackPort()}/");
        _server.Prefixes.Add(Base.ToString());
        _server.Start();
        _ = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _server.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            var response = context.Response;
            switch (path)
            {
                case "/article":
                    UserAgents.Add(context.Request.UserAgent ?? "");
                    await Write(response, "text/html; charset=utf-8", "<html><body><nav>Menu</nav><p>Salesforce is in talks to acquire Informatica for about $11 billion.</p></body></html>");
                    break;
                case "/moved":
                    response.StatusCode = 302;
                    response.RedirectLocation = "/article";
                    response.Close();
                    break;
                case "/loop":
                    response.StatusCode = 302;
                    response.RedirectLocation = "/loop";
                    response.Close();
                    break;
                case "/huge":
                    await Write(response, "text/plain", new string('a', PageFetcher.MaxBytes + 1));
                    break;
                case "/feed":
                    await Write(response, "application/rss+xml", $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><link>{Base}</link><description>d</description><item><title>Salesforce</title><link>{Base}article</link><pubDate>Thu, 29 Jan 2026 08:00:00 GMT</pubDate></item></channel></rss>");
                    break;
                case "/image":
                    await Write(response, "image/png", "not a page");
                    break;
                default:
                    response.StatusCode = 404;
                    response.Close();
                    break;
            }
        }
    }

    private static async Task Write(HttpListenerResponse response, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        try
        {
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (HttpListenerException)
        {
            // The fetcher stopped reading (too large): nothing to do.
        }
    }

    public List<string> UserAgents { get; } = [];

    public void Dispose()
    {
        _stop.Cancel();
        _server.Close();
        _stop.Dispose();
    }
}
