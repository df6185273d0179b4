using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Intake.Feeds;

/// <summary>A feed to follow (RSS or Atom) and the publication its articles are from.</summary>
public sealed record AddFeed(string Url, string Publication);

public static class AddFeedEndpoint
{
    public static ProblemDetails Validate(AddFeed command)
    {
        var errors = new ValidationErrors();
        errors.Require(command.Url is not null && Source.IsValidUrl(command.Url), "url",
            $"'url' must be an absolute http or https URL of at most {Source.MaxUrlLength} characters, without control characters.");
        errors.RequireText(command.Publication, "publication", TextLimits.Name);
        return errors.ToProblem();
    }

    /// <summary>Follows a feed: its new entries are archived at each poll. The same URL again answers 200 with the feed followed.</summary>
    [ProducesResponseType<IntakeFeed>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<IntakeFeed>(StatusCodes.Status201Created, "application/json")]
    [EndpointSummary("Follow a feed")]
    [WolverinePost("/api/intake/feeds")]
    public static async Task<IResult> Post(AddFeed command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await session.Query<IntakeFeed>().FirstOrDefaultAsync(f => f.Url == command.Url, cancellationToken) is { } followed)
        {
            return Results.Ok(followed);
        }

        var feed = new IntakeFeed(Guid.CreateVersion7(), command.Url, command.Publication.Trim(), clock.GetUtcNow());
        session.Insert(feed);
        return Results.Created($"/api/intake/feeds/{feed.Id}", feed);
    }
}
