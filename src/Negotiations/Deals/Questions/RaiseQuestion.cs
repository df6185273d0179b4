using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Questions;

/// <summary>Raises a question watchers wait on ("will Amazon get a board seat?"), with the report that raised it.</summary>
public sealed record RaiseQuestion(
    QuestionTopic Topic,
    string Text,
    Source Source,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

/// <summary>The answer to raising a question: the deal's new version and the question's id, to answer it by.</summary>
public sealed record QuestionRecorded(Guid Id, long Version, Guid QuestionId);

public static class RaiseQuestionEndpoint
{
    public static ProblemDetails Validate(RaiseQuestion command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Text, "text", TextLimits.Paragraphs);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty ? deal.Allows(new DealWrite.Commentary("have a question raised"), command.ExpectedVersion) : errors.ToProblem();
    }

    public static QuestionRaised Decide(RaiseQuestion command, Guid questionId) =>
        new(questionId, command.Topic, command.Text.Trim(), command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Raise a question")]
    [WolverinePost("/api/deals/{id}/questions")]
    public static (QuestionRecorded, Events) Post(RaiseQuestion command, [WriteDeal] Deal deal)
    {
        var raised = Decide(command, Guid.CreateVersion7());
        return (new QuestionRecorded(deal.Id, deal.Version + 1, raised.QuestionId), [raised]);
    }
}
