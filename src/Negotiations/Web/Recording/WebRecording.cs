using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Negotiations.Security;
using Wolverine.Marten;

namespace Negotiations.Web.Recording;

/// <summary>What became of a form: recorded (the deal and its new version), refused with the API's problem, or lost to a newer write.</summary>
public sealed record RecordOutcome(Guid Id, long Version, ProblemDetails? Problem)
{
    public bool Recorded => Problem is null;

    /// <summary>The API's field errors, keyed by JSON path ("source.publishedOn"), as the form shows them next to the fields.</summary>
    public IDictionary<string, string[]> Errors => (Problem as ValidationProblemDetails)?.Errors ?? new Dictionary<string, string[]>();

    /// <summary>The API's 409: a stale expected version or a write the deal's state refuses.</summary>
    public bool Conflict => Problem?.Status == StatusCodes.Status409Conflict;

    public bool LostRace => Conflict && Problem!.Detail?.Contains("not the expected version", StringComparison.Ordinal) == true;
}

/// <summary>
/// Records a submitted form as the API would record the same command: read with the API's JSON reader, decided by the
/// command's own Validate and Post (the same events, the same answer), appended under the same exclusive lock on the deal's stream, stamped with the same
/// recorded-by (the key holder's name) and correlation id. Only the transport differs.
/// </summary>
public static class WebRecording
{
    public static async Task<RecordOutcome> RecordAsync(RecordingCommand command, HttpContext context, Guid dealId, CancellationToken cancellationToken)
    {
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var services = context.RequestServices;
        var options = ApiJson.ForReading(services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        object? body;
        try
        {
            body = FormShape.ToJson(FormShape.Of(command.Type), form).Deserialize(command.Type, options);
        }
        catch (JsonException e)
        {
            return new RecordOutcome(dealId, 0, ProblemMapping.FromJson(e));
        }

        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.LastModifiedBy = RecordedBy.Of(context);
        session.CorrelationId = Correlation.CorrelationId(context);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (command.OpensDeal)
        {
            var (problem, answer, events) = await command.DecideAsync(body!, null, dealId, session, now, cancellationToken);
            if (events is not IStartStream start || answer is not DealOpened opened)
            {
                return new RecordOutcome(dealId, 0, problem);
            }

            session.Events.StartStream<Deal>(start.StreamId, [.. start.Events]);
            await session.SaveChangesAsync(cancellationToken);
            return new RecordOutcome(opened.Id, opened.Version, null);
        }

        var stream = await session.Events.FetchForExclusiveWriting<Deal>(dealId, cancellationToken);
        if (stream.Aggregate is not { } deal)
        {
            return new RecordOutcome(dealId, 0, DealProblems.NotFound(dealId));
        }

        var (refusal, _, recorded) = await command.DecideAsync(body!, deal, dealId, session, now, cancellationToken);
        if (recorded is not Events appended)
        {
            return new RecordOutcome(dealId, deal.Version, refusal);
        }

        stream.AppendMany(appended);
        await session.SaveChangesAsync(cancellationToken);
        return new RecordOutcome(dealId, deal.Version + appended.Count, null);
    }
}
