using Alba;
using Negotiations.Parties;
using Negotiations.Parties.Registering;
using Negotiations.Tests.Deals;

namespace Negotiations.Tests.Parties;

/// <summary>The parties' language over HTTP, for integration tests.</summary>
public static class PartyScenarios
{
    public static async Task<Guid> RegisterParty(this IAlbaHost host, string name, string kind = "Company", params string[] aliases) =>
        (await (await host.Post("/api/parties", new { name, kind, aliases }, 201)).ReadAs<PartyCreated>()).Id;

    public static async Task<long> Relate(this IAlbaHost host, Guid id, string kind, Guid other, object? source = null) =>
        (await (await host.Post($"/api/parties/{id}/relations",
            new { kind, otherPartyId = other, source = source ?? DealScenarios.Source("Reuters", "2026-01-29", "NamedSource") }, 200))
            .ReadAs<PartyWritten>()).Version;

    public static async Task<long> Merge(this IAlbaHost host, Guid survivor, Guid duplicate) =>
        (await (await host.Post($"/api/parties/{survivor}/merges", new { duplicateId = duplicate, reason = "the same company" }, 200))
            .ReadAs<PartyWritten>()).Version;

    /// <summary>A deal between an investor and a target, as first reported.</summary>
    public static async Task<Guid> Deal(this IAlbaHost host, string title, string investor, string target, string investorRole = "Investor", string targetRole = "Target") =>
        (await host.ReportNewDeal(new
        {
            title,
            kind = "Investment",
            parties = new[] { new { name = investor, role = investorRole }, new { name = target, role = targetRole } },
            source = DealScenarios.Source("The Information", "2025-12-16"),
        })).Id;
}
