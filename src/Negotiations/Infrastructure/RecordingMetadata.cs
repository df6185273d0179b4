using System.Text.RegularExpressions;
using Marten;

namespace Negotiations.Infrastructure;

/// <summary>
/// Who recorded a write and which request it belongs to, stamped into the event store's metadata of every event the
/// write appends. Recorded-by is the optional <c>X-Recorded-By</c> header, else "anonymous". The correlation id is the
/// client's <c>X-Correlation-Id</c>, else the trace id of a W3C <c>traceparent</c>, else a new one; it is echoed in the
/// response. <c>X-Causation-Id</c>, when a client sends it, names what led to this command.
/// </summary>
public static partial class RecordingMetadata
{
    public const string RecordedByHeader = "X-Recorded-By";
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string CausationHeader = "X-Causation-Id";
    public const string Anonymous = "anonymous";
    public const int MaxLength = 200;

    private const string CorrelationItem = "negotiations.correlation-id";

    /// <summary>The key holder's name when the caller used an API key (the header is then ignored), else the header.</summary>
    public static string RecordedBy(HttpContext context) =>
        context.User.HasClaim(c => c.Type == Security.ApiKeyAuthenticationHandler.KeyHolderClaim) && context.User.Identity?.Name is { } name
            ? name
            : Header(context, RecordedByHeader) ?? Anonymous;

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
        session.LastModifiedBy = RecordedBy(context);
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

    private static string? Header(HttpContext context, string name)
    {
        var value = context.Request.Headers[name].ToString().Trim();
        return value.Length == 0 ? null : value.Length <= MaxLength ? value : value[..MaxLength];
    }

    [GeneratedRegex("^[0-9a-f]{2}-(?<trace>[0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$")]
    private static partial Regex TraceParent();
}
