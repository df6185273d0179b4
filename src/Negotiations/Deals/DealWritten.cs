using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals;

/// <summary>The answer to every successful write: the deal and the version it is now at.</summary>
public sealed record DealWritten(Guid Id, long Version)
{
    /// <summary>What a command on an existing deal returns: the answer, and the one event to append.</summary>
    public static (DealWritten, Events) Appending(Deal deal, object e) => (new DealWritten(deal.Id, deal.Version + 1), [e]);
}

/// <summary>The answer to opening a deal: 201, <c>Location: /api/deals/{id}</c>, and the new deal's id and version.</summary>
public sealed record DealOpened(Guid Id, long Version) : CreationResponse($"/api/deals/{Id}");
