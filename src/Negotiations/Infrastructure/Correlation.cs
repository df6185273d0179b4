using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Negotiations.Infrastructure;

/// <summary>
/// Which request a write belongs to, stamped into the event store's metadata of every event the write appends. The
/// correlation id is the client's <c>X-Correlation-Id</c>, else the trace id of a W3C <c>traceparent</c>, else a new one;
/// it is echoed in the response. <c>X-Causation-Id</c>, when a client sends it, names what led to this command.
/// A header read here must be printable ASCII: anything else is refused with a 400 naming it before any work is done,
/// because a response header cannot carry it (Kestrel refuses it, and after a commit that would report a recorded write
/// as failed) and an id is for matching, not for prose.
/// </summary>
public static partial class Correlation
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string CausationHeader = "X-Causation-Id";
    public const int MaxLength = 200;

    /// <summary>Checked here with the ids: it is stored with the answer it replays, so it is bounded like them.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    private const string CorrelationItem = "negotiations.correlation-id";

    public static string CorrelationId(HttpContext context) => context.Items[CorrelationItem] as string ?? Assign(context);

    /// <summary>
    /// Runs first for every request, so even an error answer carries the correlation id. A correlation or causation id
    /// that is not printable ASCII is refused here, with a new correlation id echoed.
    /// </summary>
    public static async Task EchoCorrelationId(HttpContext context, RequestDelegate next)
    {
        var refused = new[] { CorrelationHeader, CausationHeader, IdempotencyHeader }.Select(name => Unprintable(context, name)).FirstOrDefault(p => p is not null)
            ?? (context.Request.Headers[IdempotencyHeader].ToString().Length > MaxLength
                ? Problems.Validation(IdempotencyHeader.ToLowerInvariant(), $"The header '{IdempotencyHeader}' must be at most {MaxLength} characters.")
                : null);
        var id = refused is null ? Assign(context) : NewId(context);
        System.Diagnostics.Activity.Current?.SetTag(Telemetry.CorrelationTag, id);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationHeader] = id;
            return Task.CompletedTask;
        });
        if (refused is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.WriteProblemAsync(refused);
            return;
        }

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
        if (context.Items[CorrelationItem] is string assigned)
        {
            return assigned;
        }

        var id = Header(context, CorrelationHeader)
            ?? (TraceParent().Match(context.Request.Headers["traceparent"].ToString()) is { Success: true } trace ? trace.Groups["trace"].Value : null);
        return id is null ? NewId(context) : (string)(context.Items[CorrelationItem] = id)!;
    }

    private static string NewId(HttpContext context) => (string)(context.Items[CorrelationItem] = Guid.NewGuid().ToString("N"));

    /// <summary>
    /// A request header's trimmed text, cut to <see cref="MaxLength"/>; null when absent or blank. Text that is not printable
    /// ASCII is refused (a 400 naming the header), so it never reaches a response header or the store.
    /// </summary>
    public static string? Header(HttpContext context, string name)
    {
        if (Unprintable(context, name) is { } refused)
        {
            throw new HeaderRefusedException(refused);
        }

        var value = context.Request.Headers[name].ToString().Trim();
        return value.Length == 0 ? null : value.Length <= MaxLength ? value : value[..MaxLength];
    }

    private static ValidationProblemDetails? Unprintable(HttpContext context, string name) =>
        context.Request.Headers[name].ToString().All(c => c is >= ' ' and <= '~')
            ? null
            : Problems.Validation(name.ToLowerInvariant(), $"The header '{name}' must be printable ASCII text (U+0020 to U+007E); percent-encode anything else.");

    private sealed class HeaderRefusedException(ProblemDetails problem) : ProblemException(problem.Detail ?? "A request header was refused.")
    {
        public override ProblemDetails ToProblem() => problem;
    }

    [GeneratedRegex("^[0-9a-f]{2}-(?<trace>[0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$")]
    private static partial Regex TraceParent();
}
