using Marten;

namespace Negotiations.Infrastructure;

/// <summary>
/// Stamps who recorded the events of a write into the event store's metadata. Until authentication exists this is the
/// optional <c>X-Recorded-By</c> header, else "anonymous".
/// </summary>
public static class RecordedBy
{
    public const string Header = "X-Recorded-By";
    public const string Anonymous = "anonymous";
    public const int MaxLength = 200;

    public static string From(HttpContext context)
    {
        var value = context.Request.Headers[Header].ToString().Trim();
        return value.Length == 0 ? Anonymous : value.Length <= MaxLength ? value : value[..MaxLength];
    }

    public static void Before(HttpContext context, IDocumentSession session) => session.LastModifiedBy = From(context);
}
