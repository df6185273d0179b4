using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Questions;

/// <summary>A report answered an open question. Retracting the answer (like any report) reopens the question.</summary>
public sealed record AnswerQuestion(
    Guid QuestionId,
    string Answer,
    Source Source,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class AnswerQuestionEndpoint
{
    public static ProblemDetails Validate(AnswerQuestion command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Answer, "answer", TextLimits.Paragraphs);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        var question = deal.Questions.FirstOrDefault(q => q.Id == command.QuestionId);
        errors.Require(question is not null, "questionId", $"Deal {deal.Id} has no question {command.QuestionId}.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var answered = Decide(command);
        return question switch
        {
            { State: QuestionState.Answered } => DealProblems.Conflict(
                $"Question {question.Id} was already answered on {question.AnsweredOn:yyyy-MM-dd}: retract that answer first if it was wrong.", deal.Version),
            _ when answered.OccurredOn < question!.RaisedOn => DealProblems.Conflict(
                $"The answer is dated {answered.OccurredOn:yyyy-MM-dd}, before the question was raised ({question.RaisedOn:yyyy-MM-dd}).", deal.Version),
            _ => deal.Allows(new DealWrite.Commentary("have a question answered"), command.ExpectedVersion),
        };
    }

    public static QuestionAnswered Decide(AnswerQuestion command) =>
        new(command.QuestionId, command.Answer.Trim(), command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Answer a question")]
    [WolverinePost("/api/deals/{id}/answers")]
    public static (DealWritten, Events) Post(AnswerQuestion command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
