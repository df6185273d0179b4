using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;

namespace Negotiations.Intake;

public static class IntakeProblems
{
    public static ProblemDetails UnknownDocument(Guid id) => Problems.NotFound($"No archived document has id {id}.");

    public static ProblemDetails UnknownCandidate(Guid id) => Problems.NotFound($"No candidate has id {id}.");
}
