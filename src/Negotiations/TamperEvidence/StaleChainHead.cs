using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Npgsql;

namespace Negotiations.TamperEvidence;

/// <summary>
/// A write refused because the chain head it linked to was not the stored one (<see cref="EventChainStore.InsertAfterSql"/>):
/// the chain changed underneath; nothing was recorded, and the retry reads the stored head.
/// </summary>
internal sealed class StaleChainHead : IFailureRecogniser
{
    public RecognisedFailure? Recognise(Exception exception) => Is(exception)
        ? new RecognisedFailure(
            new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The deal changed while this write was made.",
                Detail = "Another process rewrote the deal's stored audit chain under this write; nothing was recorded. Retry the request.",
            },
            RetryAfter: true)
        : null;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.NotNullViolation, TableName: "event_chain", ColumnName: "hash" })
            {
                return true;
            }
        }

        return false;
    }
}
