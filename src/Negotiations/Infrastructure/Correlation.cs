using System.Text.RegularExpressions;
using Marten;

namespace Negotiations.Infrastructure;

/// <summary>
/// Which request a write belongs to, stamped into the event store's metadata of every event the write appends. The
/// correlation id is the client's <c>X-Correlation-Id</c>, else the trace id of a W3C <c>traceparent</c>, else a new one;
/// it is echoed in the response. <c>X-Causation-Id</c>, when a client sends it, names what led to this command.
/// </summary>
public static partial class Correlation
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string CausationHeader = "X-Causation-Id";
    public const int MaxLength = 200;

    private const string CorrelationItem = "negotiations.correlation-id";

    public static string CorrelationId(HttpContext context) => context.Items[CorrelationItem] as string ?? Assign(context);

    /// <summary>Runs first for every request, so even an error answer carries the correlation id.</summary>
    public static async Task EchoCorrelationId(HttpContext context, RequestDelegate next)
    {
        var id = Assign(context);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationHeader] = id;
            return Task.CompletedTask;
        });
        await next(context);
    }

    /// <summary>Wolverine middleware on every write endpoint.</summary>
    public static void Before(HttpContext context, IDocumentSession session)
    {
        session.CorrelationId = CorrelationId(context);
        session.CausationId = Header(context, CausationHeader);
    }

    private static string Assign(HttpContext context)
    {
        var id = Header(context, CorrelationHeader)
            ?? (TraceParent().Match(context.Request.Headers["traceparent"].ToString()) is { Success: true } trace ? trace.Groups["trace"].Value : null)
            ?? Guid.NewGuid().ToString("N");
        context.Items[CorrelationItem] = id;
        return id;
    }

    /// <summary>A request header's trimmed text, cut to <see cref="MaxLength"/>; null when absent or blank.</summary>
    public static string? Header(HttpContext context, string name)
    {
        var value = context.Request.Headers[name].ToString().Trim();
        return value.Length == 0 ? null : value.Length <= MaxLength ? value : value[..MaxLength];
    }

    [GeneratedRegex("^[0-9a-f]{2}-(?<trace>[0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$")]
    private static partial Regex TraceParent();
}
