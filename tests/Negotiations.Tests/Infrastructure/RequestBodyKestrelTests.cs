using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Negotiations.Deals.ListingDeals;
using Negotiations.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Infrastructure;

/// <summary>
/// How the real server (Kestrel) answers bodies that are too large, too slow or badly framed, sent byte for byte over a
/// socket: 413 only for size (the same limit with and without Content-Length), 408 for a body that stops coming, 400 for
/// a body that ends before it said it would or whose chunks are malformed.
/// </summary>
public class RequestBodyKestrelTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private async Task<ServiceProcess> StartAsync()
    {
        var service = ServiceProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__Negotiations"] = Fixture.ConnectionString });
        await service.WaitUntilHealthyAsync(Patience);
        return service;
    }

    /// <summary>A JSON object of exactly <paramref name="size"/> bytes (a command missing its members: a 400 when read).</summary>
    private static byte[] JsonOfSize(int size)
    {
        const string start = "{\"title\":\"x\"";
        return Encoding.ASCII.GetBytes(start + new string(' ', size - start.Length - 1) + "}");
    }

    private static string Head(string framing, string contentType = "application/json") =>
        $"POST /api/deals HTTP/1.1\r\nHost: localhost\r\nContent-Type: {contentType}\r\nConnection: close\r\n{framing}\r\n";

    private static byte[] Chunked(byte[] body)
    {
        using var framed = new MemoryStream();
        for (var at = 0; at < body.Length; at += 16 * 1024)
        {
            var length = Math.Min(16 * 1024, body.Length - at);
            framed.Write(Encoding.ASCII.GetBytes(length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            framed.Write(body, at, length);
            framed.Write("\r\n"u8);
        }

        framed.Write("0\r\n\r\n"u8);
        return framed.ToArray();
    }

    /// <summary>Sends the bytes (pausing where asked), optionally ends the sending side, and reads the answer's status line and body.</summary>
    private static async Task<(int Status, string Answer)> SendAsync(ServiceProcess service, IEnumerable<object> parts, bool endSending = false)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(service.BaseAddress.Host, service.BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        try
        {
            foreach (var part in parts)
            {
                switch (part)
                {
                    case string ascii:
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(ascii), TestContext.Current.CancellationToken);
                        break;
                    case byte[] bytes:
                        await stream.WriteAsync(bytes, TestContext.Current.CancellationToken);
                        break;
                    case TimeSpan pause:
                        await Task.Delay(pause, TestContext.Current.CancellationToken);
                        break;
                }
            }

            if (endSending)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (IOException)
        {
            // The server answered and closed before taking all of the body: its answer is still there to read.
        }

        using var read = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        read.CancelAfter(TimeSpan.FromSeconds(30));
        using var answer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(answer, read.Token);
        }
        catch (IOException)
        {
            // Reset after the answer.
        }

        var text = Encoding.UTF8.GetString(answer.ToArray());
        return text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? (int.Parse(text.AsSpan(9, 3), CultureInfo.InvariantCulture), text) : (0, text);
    }

    [Fact]
    public async Task the_size_limit_is_the_same_with_and_without_content_length()
    {
        await using var service = await StartAsync();
        var largest = JsonOfSize(JsonBody.MaxBodyBytes);
        var tooLarge = JsonOfSize(JsonBody.MaxBodyBytes + 1);

        var sized = await SendAsync(service, [Head($"Content-Length: {largest.Length}\r\n"), largest]);
        var sizedOver = await SendAsync(service, [Head($"Content-Length: {tooLarge.Length}\r\n"), tooLarge]);
        var chunked = await SendAsync(service, [Head("Transfer-Encoding: chunked\r\n"), Chunked(largest)]);
        var chunkedOver = await SendAsync(service, [Head("Transfer-Encoding: chunked\r\n"), Chunked(tooLarge)]);

        Assert.Equal((400, 413, 400, 413), (sized.Status, sizedOver.Status, chunked.Status, chunkedOver.Status));
        Assert.Contains("must be at most 256 KiB", chunkedOver.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_body_whose_chunks_are_malformed_is_a_400_and_one_that_stops_coming_a_408()
    {
        await using var service = await StartAsync();

        var badChunkSize = await SendAsync(service, [Head("Transfer-Encoding: chunked\r\n"), "zz\r\n{\"title\":\"x\"}\r\n0\r\n\r\n"]);
        var badChunkEnd = await SendAsync(service, [Head("Transfer-Encoding: chunked\r\n"), "5\r\n{\"titXX\r\n0\r\n\r\n"]);
        var stalled = await SendAsync(service, [Head("Content-Length: 1000\r\n"), "{\"title\":", TimeSpan.FromSeconds(12)]);

        Assert.Equal((400, 400, 408), (badChunkSize.Status, badChunkEnd.Status, stalled.Status));
        Assert.Contains("could not be read", badChunkSize.Answer, StringComparison.Ordinal);
        Assert.Contains("stopped coming", stalled.Answer, StringComparison.Ordinal);
        Assert.Equal(0, (await Host.GetAs<DealList>("/api/deals")).Total);
    }

    [Fact]
    public async Task a_body_cut_short_by_the_client_is_never_called_too_large()
    {
        await using var service = await StartAsync();

        // The client ends its side mid-body: Kestrel takes the connection as gone, so there may be no answer at all;
        // whatever answer there is must not blame the size.
        var sized = await SendAsync(service, [Head("Content-Length: 1000\r\n"), "{\"title\":"], endSending: true);
        var chunked = await SendAsync(service, [Head("Transfer-Encoding: chunked\r\n"), "5\r\n{\"tit"], endSending: true);

        Assert.True(sized.Status is 0 or 400, sized.Answer);
        Assert.True(chunked.Status is 0 or 400, chunked.Answer);
        Assert.Equal(0, (await Host.GetAs<DealList>("/api/deals")).Total);
    }

    [Fact]
    public async Task a_media_type_in_capitals_is_json_to_the_real_server_too()
    {
        await using var service = await StartAsync();
        var body = Encoding.UTF8.GetBytes(TestJson.Serialize(NewDeal()));

        var answer = await SendAsync(service, [Head($"Content-Length: {body.Length}\r\n", "APPLICATION/JSON"), body]);

        Assert.Equal(201, answer.Status);
    }
}
