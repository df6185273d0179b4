using System.Reflection;
using System.Runtime.CompilerServices;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Web.Recording;

/// <summary>
/// One of the API's deal commands, as the pages record it: found on its endpoint class (the <c>[WolverinePost]</c>
/// route and summary, and the static <c>LoadAsync</c>, <c>Validate</c> and the <c>[WolverinePost]</c> method itself that
/// the API runs), so a form records exactly the events the API records, and a command added to the API gets its form
/// with no change here. Parameters are given by type, as Wolverine gives them: the command, the deal, the deal's id, the
/// session, the clock, what <c>LoadAsync</c> loaded and a cancellation token.
/// </summary>
public sealed class RecordingCommand
{
    /// <summary>The forms in the order an analyst meets them; commands not named here follow in route order.</summary>
    private static readonly string[] Order =
        ["talks", "terms", "stake", "close", "abandon", "corrections", "retractions", "agreement", "reviews", "reviews/conclusion",
         "tranches/funded", "complete", "questions", "answers", "responses"];

    private readonly MethodInfo? _load;
    private readonly MethodInfo _validate;
    private readonly MethodInfo _post;

    private RecordingCommand(Type endpoint, MethodInfo post, Type command, string route, string title)
    {
        Type = command;
        Route = route;
        Title = title;
        Name = route.Length == 0 ? "new-deal" : route.Replace('/', '-');
        _load = endpoint.GetMethod("LoadAsync", BindingFlags.Public | BindingFlags.Static);
        _validate = endpoint.GetMethod("Validate", BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"{endpoint.Name} has no Validate.");
        _post = post;
    }

    public Type Type { get; }

    /// <summary>The API route after <c>/api/deals/{id}/</c> ("terms"); empty for the command that opens a deal.</summary>
    public string Route { get; }

    /// <summary>The form's name on the page ("terms", "reviews-conclusion", "new-deal").</summary>
    public string Name { get; }

    public string Title { get; }

    public bool OpensDeal => Route.Length == 0;

    public static IReadOnlyList<RecordingCommand> All { get; } = Discover();

    public static RecordingCommand OpeningDeal => All.Single(c => c.OpensDeal);

    public static IEnumerable<RecordingCommand> OnDeal => All.Where(c => !c.OpensDeal);

    private static List<RecordingCommand> Discover()
    {
        var found = new List<RecordingCommand>();
        foreach (var endpoint in typeof(Deal).Assembly.GetTypes().Where(t => t.IsClass && t.IsAbstract && t.IsSealed))
        {
            foreach (var post in endpoint.GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                if (post.GetCustomAttribute<WolverinePostAttribute>() is not { } attribute || post.GetParameters() is not [var first, ..]
                    || first.ParameterType.Namespace?.StartsWith(typeof(Deal).Namespace!, StringComparison.Ordinal) != true)
                {
                    continue;
                }

                var template = attribute.Template;
                const string prefix = "/api/deals";
                if (!template.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var route = template[prefix.Length..].TrimStart('/');
                route = route.StartsWith("{id}/", StringComparison.Ordinal) ? route["{id}/".Length..] : route;
                var title = post.GetCustomAttribute<EndpointSummaryAttribute>()?.Summary ?? first.ParameterType.Name;
                found.Add(new RecordingCommand(endpoint, post, first.ParameterType, route, title));
            }
        }

        return [.. found.OrderBy(c => Array.IndexOf(Order, c.Route) is var i && i < 0 ? int.MaxValue : i).ThenBy(c => c.Route, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The API's rules for this command on this deal (null when it opens one): the problem to show, or
    /// <see cref="WolverineContinue.NoProblems"/> and what the endpoint's own <c>Post</c> answers — the API's answer
    /// (<see cref="DealWritten"/>, <see cref="DealOpened"/>, …) and its events (<see cref="Events"/> to append, or the
    /// <see cref="IStartStream"/> that opens the deal).
    /// </summary>
    public async Task<(ProblemDetails Problem, object? Answer, object? Events)> DecideAsync(
        object command, Deal? deal, Guid id, IDocumentSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var given = new List<object?> { command, deal, id, session, now, cancellationToken };
        if (_load is not null)
        {
            var task = (Task)_load.Invoke(null, Arguments(_load, given))!;
            await task;
            given.Add(task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task));
        }

        var problem = (ProblemDetails)_validate.Invoke(null, Arguments(_validate, given))!;
        if (!ReferenceEquals(problem, WolverineContinue.NoProblems))
        {
            return (problem, null, null);
        }

        var answer = (ITuple)_post.Invoke(null, Arguments(_post, given))!;
        return (problem, answer[0], answer[1]);
    }

    /// <summary>Each parameter from the last value given of its type.</summary>
    private static object?[] Arguments(MethodInfo method, List<object?> given) =>
        [.. method.GetParameters().Select(parameter =>
            given.LastOrDefault(value => value is not null && parameter.ParameterType.IsInstanceOfType(value))
            ?? (!parameter.ParameterType.IsValueType ? (object?)null
                : throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name}: nothing to give '{parameter.Name}'.")))];
}
