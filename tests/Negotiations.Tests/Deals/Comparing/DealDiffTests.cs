using System.Text.Json;
using Negotiations.Deals;
using Negotiations.Deals.Comparing;
using Negotiations.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.Comparing;

public class DealDiffTests
{
    private static readonly JsonSerializerOptions ApiOptions = CreateApiOptions();

    private static IReadOnlyList<FieldChange> Compare(Deal from, Deal to) => DealDiff.Compare(from, to, ApiOptions);

    /// <summary>The changes as (field, from JSON, to JSON), the way a client reads them.</summary>
    private static List<(string, string, string)> Described(IEnumerable<FieldChange> changes) =>
        changes.Select(c => (c.Field, c.From.GetRawText(), c.To.GetRawText())).ToList();

    [Fact]
    public void proposed_terms_change_the_status_amount_activity_latest_move_and_sources_and_nothing_else()
    {
        var changes = Compare(Given(Opened()), Given(Opened(), Proposed()));

        Assert.Equal(
            [
                ("status", "\"InTalks\"", "\"TermsProposed\""),
                ("amount", """{"value":10000000000,"currency":"USD","qualifier":"AtLeast","high":null}""",
                    """{"value":50000000000,"currency":"USD","qualifier":"UpTo","high":null}"""),
                ("lastActivityOn", "\"2025-12-16\"", "\"2026-01-29\""),
                ("lastSource", Json(Wsj("2025-12-16")), Json(Wsj())),
                ("lastMoveOn", "\"2025-12-16\"", "\"2026-01-29\""),
                ("sources", Json(new ValueSources(Amount: Wsj("2025-12-16"))), Json(new ValueSources(Amount: Wsj()))),
            ],
            Described(changes));
    }

    [Fact]
    public void the_same_status_at_two_versions_has_no_changes_the_version_is_not_one()
    {
        var earlier = Given(Opened(), Proposed());

        Assert.Empty(Compare(earlier, earlier with { Version = 7 }));
    }

    [Fact]
    public void a_value_that_appears_is_a_change_from_null()
    {
        var changes = Compare(Given(Opened(), Proposed()), Given(Opened(), Proposed(), Closed()));

        Assert.Contains(("closedOn", "null", "\"2026-02-27\""), Described(changes));
        Assert.DoesNotContain("abandonedReason", changes.Select(c => c.Field));
    }

    [Fact]
    public void a_new_party_changes_the_parties_as_a_whole()
    {
        var talks = new TalksReported(null, null, [new Party("Nvidia", PartyRole.CoInvestor)], null, null, null, Day("2026-01-05"), Wsj("2026-01-05"));

        var change = Compare(Given(Opened()), Given(Opened(), talks)).Single(c => c.Field == "parties");

        Assert.Equal(3, change.To.GetArrayLength());
        Assert.Equal(2, change.From.GetArrayLength());
    }

    private static JsonSerializerOptions CreateApiOptions()
    {
        var options = new JsonSerializerOptions();
        ApiJson.Configure(options);
        return options;
    }
}
