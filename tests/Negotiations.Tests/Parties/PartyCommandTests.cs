using Negotiations.Deals;
using Negotiations.Parties;
using Negotiations.Parties.Aliasing;
using Negotiations.Parties.Merging;
using Negotiations.Parties.Registering;
using Negotiations.Parties.Relating;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;
using static Negotiations.Tests.Parties.PartySpecification;

namespace Negotiations.Tests.Parties;

/// <summary>Given the party's state (and who owns the names), when a command comes, then its events or its problem.</summary>
public class PartyCommandTests
{
    private static PartyState State(params object[] events) =>
        events.Select((e, i) => (e, i)).Aggregate((PartyState?)null, (state, x) => PartyState.After(state, x.e) is { } next ? next with { Version = x.i + 1 } : null)!;

    private static readonly NameOwner AmazonComSeen = new(PartyIds.Of("Amazon.com"), "Amazon.com", FirstSight: true);

    [Fact]
    public void registering_takes_over_its_names_first_sight_but_not_an_aliases()
    {
        var command = new RegisterParty(" Amazon ", PartyKind.Company, ["Amazon.com, Inc."], OccurredOn: On);

        ThenAccepted(RegisterPartyEndpoint.Validate(command, [(" amazon", new NameOwner(PartyIds.Of("Amazon"), "Amazon", true)), ("Amazon.com, Inc.", null)], Now));
        ThenEvent(new PartyRegistered(Amazon, "Amazon", PartyKind.Company, ["Amazon.com, Inc."], On), RegisterPartyEndpoint.Decide(command, Amazon, Now));
        ThenRefused(RegisterPartyEndpoint.Validate(command with { Aliases = ["Amazon.com"] }, [("Amazon", null), ("Amazon.com", AmazonComSeen)], Now), 409);
    }

    [Fact]
    public void a_record_without_a_date_is_dated_by_its_source_else_today()
    {
        Assert.Equal(Day("2026-01-29"), RegisterPartyEndpoint.Decide(new RegisterParty("Amazon", PartyKind.Company, Source: Wsj()), Amazon, Now).OccurredOn);
        Assert.Equal(Day("2026-03-01"), RegisterPartyEndpoint.Decide(new RegisterParty("Amazon", PartyKind.Company), Amazon, Now).OccurredOn);
    }

    [Fact]
    public void a_name_another_party_owns_is_refused_naming_the_owner()
    {
        var problem = RegisterPartyEndpoint.Validate(new RegisterParty("Amazon", PartyKind.Company, ["Amazon.com"]),
            [("Amazon", null), ("Amazon.com", AmazonComSeen)], Now);

        TestJson.AssertSame(
            Problem.Of(PartyProblems.NameTaken("Amazon.com", AmazonComSeen.PartyId, "Amazon.com")),
            ThenRefused(problem, 409));
        Assert.Contains(AmazonComSeen.PartyId.ToString(), problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void registering_a_registered_name_again_is_a_conflict()
    {
        ThenRefused(RegisterPartyEndpoint.Validate(new RegisterParty("AMAZON", PartyKind.Company), [("AMAZON", new NameOwner(Amazon, "Amazon", false))], Now), 409);
    }

    [Fact]
    public void names_must_be_given_once_and_readable()
    {
        ThenRefused(RegisterPartyEndpoint.Validate(new RegisterParty("Amazon", PartyKind.Company, ["amazón"]), [], Now), 400, "aliases");
        ThenRefused(RegisterPartyEndpoint.Validate(new RegisterParty(" ", PartyKind.Company, [Text(TextLimits.Name + 1)]), [], Now), 400, "name", "aliases[0]");
        ThenRefused(RegisterPartyEndpoint.Validate(new RegisterParty("Amazon", PartyKind.Company, OccurredOn: DayAfterTomorrow), [], Now), 400, "occurredOn");
    }

    [Fact]
    public void an_alias_is_refused_when_the_party_has_it_another_owns_it_or_the_party_was_merged_away()
    {
        var amazon = State(Registered("Amazon", "Amazon.com, Inc."));

        ThenAccepted(AddAliasEndpoint.Validate(new AddAlias("AMZN"), amazon, null, Now));
        ThenEvent(new PartyAliasAdded(Amazon, "AMZN", On), AddAliasEndpoint.Decide(new AddAlias(" AMZN ", OccurredOn: On), amazon, Now));
        ThenRefused(AddAliasEndpoint.Validate(new AddAlias("amazon.com, inc."), amazon, null, Now), 409);
        ThenRefused(AddAliasEndpoint.Validate(new AddAlias("Amazon.com"), amazon, AmazonComSeen, Now), 409);
        ThenRefused(AddAliasEndpoint.Validate(new AddAlias("AMZN", ExpectedVersion: 5), amazon, null, Now), 409);
        ThenRefused(AddAliasEndpoint.Validate(new AddAlias(""), amazon, null, Now), 400, "alias");
        var merged = State(Registered("Amazon"), new PartyMergedInto(Amazon, Aws, On));
        TestJson.AssertSame(
            Problem.Of(PartyProblems.Conflict($"Party {Amazon} (Amazon) was merged into party {Aws}: record this there.", 2)),
            ThenRefused(AddAliasEndpoint.Validate(new AddAlias("AMZN"), merged, null, Now), 409));
    }

    [Fact]
    public void a_relation_needs_another_registered_party_once_and_no_cycle_of_parts()
    {
        var aws = State(Registered("AWS"));
        var amazon = State(Registered("Amazon"));
        var partOf = new RelateParty(RelationKind.PartOf, Amazon, Ft());

        ThenAccepted(RelatePartyEndpoint.Validate(partOf, aws, new RelationTarget(amazon, []), Now));
        ThenEvent(new PartyRelated(Aws, RelationKind.PartOf, Amazon, On, Ft()), RelatePartyEndpoint.Decide(partOf, aws));
        ThenRefused(RelatePartyEndpoint.Validate(partOf with { OtherPartyId = Aws }, aws, new RelationTarget(aws, []), Now), 400, "otherPartyId");
        ThenRefused(RelatePartyEndpoint.Validate(partOf, aws, new RelationTarget(null, []), Now), 400, "otherPartyId");
        ThenRefused(RelatePartyEndpoint.Validate(partOf, State(Registered("AWS"), PartOf(Aws, Amazon)), new RelationTarget(amazon, []), Now), 409);
        ThenRefused(RelatePartyEndpoint.Validate(partOf, aws, new RelationTarget(State(Registered("Amazon"), PartOf(Amazon, Aws)), [Aws]), Now), 409);
        // "Competes with" is symmetric: recorded from either side, it exists.
        ThenRefused(RelatePartyEndpoint.Validate(new RelateParty(RelationKind.CompetesWith, Anthropic, Ft()), State(Registered("OpenAI")),
            new RelationTarget(State(Registered("Anthropic"), Competes(Anthropic, OpenAi)), []), Now), 409);
    }

    [Fact]
    public void a_merge_takes_a_registered_or_first_sight_duplicate_once()
    {
        var amazon = State(Registered("Amazon"));
        var amazonCom = PartyIds.Of("Amazon.com");
        var firstSight = new MergeCandidate(null, "Amazon.com", null);

        ThenAccepted(MergePartyEndpoint.Validate(new MergeParty(amazonCom), amazon, firstSight, Now));
        ThenEvent(new PartyMerged(Amazon, amazonCom, ["Amazon.com"], On, "same"), MergePartyEndpoint.Decide(new MergeParty(amazonCom, "same", On), amazon, firstSight, Now));
        var registered = new MergeCandidate(State(Registered("Amazon.com", "AMZN.com")), null, null);
        Assert.Equal(["Amazon.com", "AMZN.com"], MergePartyEndpoint.Decide(new MergeParty(amazonCom), amazon, registered, Now).Names);
        ThenRefused(MergePartyEndpoint.Validate(new MergeParty(Amazon), amazon, new MergeCandidate(amazon, null, null), Now), 400, "duplicateId");
        ThenRefused(MergePartyEndpoint.Validate(new MergeParty(Guid.NewGuid()), amazon, new MergeCandidate(null, null, null), Now), 400, "duplicateId");
        ThenRefused(MergePartyEndpoint.Validate(new MergeParty(amazonCom), amazon,
            new MergeCandidate(State(Registered("Amazon.com"), new PartyMergedInto(amazonCom, Aws, On)), null, null), Now), 409);
        ThenRefused(MergePartyEndpoint.Validate(new MergeParty(amazonCom), amazon, firstSight with { NameClaim = new PartyName("amazon.com", Amazon, "Amazon.com") }, Now), 409);
    }
}
