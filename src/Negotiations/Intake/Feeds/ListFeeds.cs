using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Intake.Feeds;

public sealed record FeedList(IReadOnlyList<IntakeFeed> Items);

public static class ListFeedsEndpoint
{
    /// <summary>The feeds followed, with when each was last polled and what that found.</summary>
    [ProducesResponseType<FeedList>(StatusCodes.Status200OK, "application/json")]
    [EndpointSummary("Feeds followed")]
    [WolverineGet("/api/intake/feeds")]
    public static async Task<FeedList> Get(IQuerySession session, CancellationToken cancellationToken) =>
        new(await session.Query<IntakeFeed>().OrderBy(f => f.AddedAt).ToListAsync(cancellationToken));
}
