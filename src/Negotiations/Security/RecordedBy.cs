using Marten;
using Negotiations.Infrastructure;

namespace Negotiations.Security;

/// <summary>
/// Who recorded a write, stamped into the event store's metadata of every event it appends: the key holder's name when
/// the caller used an API key (the header is then ignored), else the optional <c>X-Recorded-By</c> header, else
/// "anonymous". Wolverine middleware on every write endpoint.
/// </summary>
public static class RecordedBy
{
    public const string Header = "X-Recorded-By";
    public const string Anonymous = "anonymous";

    public static string Of(HttpContext context) =>
        context.User.HasClaim(c => c.Type == ApiKeyAuthenticationHandler.KeyHolderClaim) && context.User.Identity?.Name is { } name
            ? name
            : Correlation.Header(context, Header) ?? Anonymous;

    public static void Before(HttpContext context, IDocumentSession session) => session.LastModifiedBy = Of(context);
}
