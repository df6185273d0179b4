using Negotiations.Infrastructure;
using Negotiations.Parties;
using Negotiations.Parties.Conflicts;
using Negotiations.Parties.GettingParty;
using Negotiations.Parties.Searching;
using Negotiations.Tests.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Parties;

/// <summary>Every party route: what it answers, and its 400s (naming the field), 404s and 409s.</summary>
public class PartiesApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly Guid Unknown = Guid.Parse("0199a7b6-ffff-7000-8000-00000000eeee");

    private static readonly string[] RepeatedName = ["AMAZON"];

    [Fact]
    public async Task registering_answers_201_with_the_location_and_a_read_can_wait_for_that_write()
    {
        var result = await Host.Post("/api/parties", new { name = "Nestlé S.A.", kind = "Company" }, 201);
        var id = (await result.ReadAs<Negotiations.Parties.Registering.PartyCreated>()).Id;
        Assert.Equal($"/api/parties/{id}", result.Context.Response.Headers.Location.ToString());
        var written = long.Parse(result.Context.Response.Headers[AsyncViews.EventSequenceHeader].ToString(), System.Globalization.CultureInfo.InvariantCulture);

        var read = await Host.Scenario(s => s.Get.Url($"/api/parties/{id}?waitFor={written}"));
        var party = await read.ReadAs<PartyDetails>();

        Assert.Equal(("Nestlé S.A.", (PartyKind?)PartyKind.Company, false), (party.Name, party.Kind, party.FirstSight));
        Assert.True(party.Freshness.Sequence >= written);
        Assert.Equal(party.Freshness.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), read.Context.Response.Headers[AsyncViews.ViewSequenceHeader].ToString());
    }

    [Fact]
    public async Task registering_refuses_bad_input_by_field_and_a_taken_name_with_409()
    {
        await (await Host.Post("/api/parties", new { name = "", kind = "Company" }, 400)).ShouldBeProblem(400, "name");
        await (await Host.Post("/api/parties", new { name = "Amazon", kind = "Shop" }, 400)).ShouldBeProblem(400, "kind");
        await (await Host.Post("/api/parties", new { name = "Amazon", kind = "Company", aliases = RepeatedName }, 400)).ShouldBeProblem(400, "aliases");
        var amazon = await Host.RegisterParty("Amazon", "Company", "AMZN");

        var taken = await (await Host.Post("/api/parties", new { name = "amzn", kind = "Company" }, 409)).ShouldBeProblem(409);
        TestJson.AssertSame(Problem.Of(PartyProblems.NameTaken("amzn", amazon, "Amazon")), taken);
        await (await Host.Post("/api/parties", new { name = " AMAZON ", kind = "Fund" }, 409)).ShouldBeProblem(409);
    }

    [Fact]
    public async Task a_name_seen_in_a_deal_is_a_first_sight_party_until_registered_then_the_registered_partys()
    {
        var deal = await Host.Deal("SoftBank adds up to $30B to OpenAI", "SoftBank", "OpenAI");
        var softBank = PartyIds.Of("SoftBank");

        var seen = await Host.GetAs<PartyDetails>($"/api/parties/{softBank}");
        Assert.Equal(("SoftBank", true, (PartyKind?)null), (seen.Name, seen.FirstSight, seen.Kind));
        Assert.Equal([deal], seen.Exposure.Select(e => e.DealId));
        Assert.Equal([(softBank, "SoftBank", true)], (await Host.GetAs<PartyList>("/api/parties?q=softb")).Items.Select(p => (p.Id, p.Name, p.FirstSight)));
        // A write needs a registered party: register it under its name, and it keeps its id.
        await (await Host.Post($"/api/parties/{softBank}/aliases", new { alias = "SoftBank Group" }, 404)).ShouldBeProblem(404);
        var registeredId = await Host.RegisterParty("Softbank", "Company");
        Assert.NotEqual(softBank, registeredId);
        await WaitForViewsAsync();
        var registered = await Host.GetAs<PartyDetails>($"/api/parties/{softBank}");
        Assert.Equal((registeredId, (Guid?)softBank, "Softbank", false), (registered.Id, registered.RequestedId, registered.Name, registered.FirstSight));
        Assert.Equal([deal], registered.Exposure.Select(e => e.DealId));
        Assert.Equal([(registeredId, false)], (await Host.GetAs<PartyList>("/api/parties?q=softb")).Items.Select(p => (p.Id, p.FirstSight)));
    }

    [Fact]
    public async Task search_pages_by_name_and_refuses_bad_parameters()
    {
        foreach (var name in new[] { "Nvidia", "Microsoft", "Mubadala" })
        {
            await Host.RegisterParty(name);
        }

        await WaitForViewsAsync();
        var page = await Host.GetAs<PartyList>("/api/parties?q=M&pageSize=1&page=2");
        Assert.Equal(["Mubadala"], page.Items.Select(p => p.Name));
        Assert.Equal((2L, 2, 1), (page.Total, page.Page, page.PageSize));
        Assert.Equal(["Microsoft", "Mubadala", "Nvidia"], (await Host.GetAs<PartyList>("/api/parties")).Items.Select(p => p.Name));
        await (await Host.Scenario(s => { s.Get.Url("/api/parties?pageSize=0"); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400, "pageSize");
        await (await Host.Scenario(s => { s.Get.Url("/api/parties?name=x"); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400, "name");
        await (await Host.Scenario(s => { s.Get.Url("/api/parties?waitFor=0"); s.StatusCodeShouldBe(400); })).ShouldBeProblem(400, "waitFor");
    }

    [Fact]
    public async Task reads_of_an_unknown_or_malformed_party_id_are_404_and_400()
    {
        TestJson.AssertSame(Problem.NotFound($"No party with id {Unknown} exists."), await Host.GetProblem($"/api/parties/{Unknown}", 404));
        await Host.GetProblem($"/api/parties/{Unknown}/conflicts", 404);
        (await Host.GetProblem("/api/parties/amazon", 400)).ShouldBe(400, "id");
        (await Host.GetProblem($"/api/parties/{Unknown}?waitFor=x", 400)).ShouldBe(400, "waitFor");
    }

    [Fact]
    public async Task writes_to_an_unknown_party_are_404()
    {
        await (await Host.Post($"/api/parties/{Unknown}/aliases", new { alias = "x" }, 404)).ShouldBeProblem(404);
        await (await Host.Post($"/api/parties/{Unknown}/relations", new { kind = "PartOf", otherPartyId = Unknown, source = Source() }, 404)).ShouldBeProblem(404);
        await (await Host.Post($"/api/parties/{Unknown}/merges", new { duplicateId = Unknown }, 404)).ShouldBeProblem(404);
    }

    [Fact]
    public async Task aliases_refuse_a_blank_alias_a_stale_version_and_a_name_another_party_owns()
    {
        var amazon = await Host.RegisterParty("Amazon");
        var aws = await Host.RegisterParty("AWS");

        await (await Host.Post($"/api/parties/{amazon}/aliases", new { alias = " " }, 400)).ShouldBeProblem(400, "alias");
        await (await Host.Post($"/api/parties/{amazon}/aliases", new { alias = "aws" }, 409)).ShouldBeProblem(409);
        var stale = await (await Host.Post($"/api/parties/{amazon}/aliases", new { alias = "AMZN", expectedVersion = 7 }, 409)).ShouldBeProblem(409);
        Assert.Equal(1, stale.CurrentVersion);
        var written = await (await Host.Post($"/api/parties/{amazon}/aliases", new { alias = "AMZN", expectedVersion = 1 }, 200)).ReadAs<PartyWritten>();
        Assert.Equal(new PartyWritten(amazon, 2), written);
        Assert.NotEqual(amazon, aws);
    }

    [Fact]
    public async Task relations_refuse_an_unknown_other_party_itself_a_repeat_and_a_cycle()
    {
        var amazon = await Host.RegisterParty("Amazon");
        var aws = await Host.RegisterParty("AWS");

        await (await Host.Post($"/api/parties/{aws}/relations", new { kind = "PartOf", otherPartyId = Unknown, source = Source() }, 400)).ShouldBeProblem(400, "otherPartyId");
        await (await Host.Post($"/api/parties/{aws}/relations", new { kind = "PartOf", otherPartyId = aws, source = Source() }, 400)).ShouldBeProblem(400, "otherPartyId");
        await (await Host.Post($"/api/parties/{aws}/relations", new { kind = "PartOf", otherPartyId = amazon }, 400)).ShouldBeProblem(400, "source");
        await Host.Relate(aws, "PartOf", amazon);
        await (await Host.Post($"/api/parties/{aws}/relations", new { kind = "PartOf", otherPartyId = amazon, source = Source() }, 409)).ShouldBeProblem(409);
        await (await Host.Post($"/api/parties/{amazon}/relations", new { kind = "PartOf", otherPartyId = aws, source = Source() }, 409)).ShouldBeProblem(409);
    }

    [Fact]
    public async Task merging_a_registered_duplicate_moves_its_names_and_refuses_a_second_merge()
    {
        var amazon = await Host.RegisterParty("Amazon");
        var duplicate = await Host.RegisterParty("Amazon.com", "Company", "Amazon.com, Inc.");

        await (await Host.Post($"/api/parties/{amazon}/merges", new { duplicateId = Unknown }, 400)).ShouldBeProblem(400, "duplicateId");
        await Host.Merge(amazon, duplicate);
        await (await Host.Post($"/api/parties/{amazon}/merges", new { duplicateId = duplicate }, 409)).ShouldBeProblem(409);
        // The duplicate's names are Amazon's now: taken, naming Amazon; the duplicate takes no more writes.
        var taken = await (await Host.Post("/api/parties", new { name = "amazon.com, inc.", kind = "Company" }, 409)).ShouldBeProblem(409);
        Assert.Contains(amazon.ToString(), taken.Detail, StringComparison.Ordinal);
        await (await Host.Post($"/api/parties/{duplicate}/aliases", new { alias = "AMZN" }, 409)).ShouldBeProblem(409);

        await WaitForViewsAsync();
        var party = await Host.GetAs<PartyDetails>($"/api/parties/{duplicate}");
        Assert.Equal((amazon, (Guid?)duplicate), (party.Id, party.RequestedId));
        Assert.Equal(["Amazon.com", "Amazon.com, Inc."], party.Aliases);
        Assert.Empty((await Host.GetAs<ConflictList>("/api/conflicts")).Items);
    }
}
