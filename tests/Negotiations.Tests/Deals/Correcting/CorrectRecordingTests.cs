using Negotiations.Deals;
using Negotiations.Deals.Correcting;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.Correcting;

public class CorrectRecordingTests
{
    private static readonly object[] History = [Opened(), Proposed()];

    private static Microsoft.AspNetCore.Mvc.ProblemDetails When(CorrectRecording command, params object[] events)
    {
        events = events.Length == 0 ? History : events;
        var target = command.CorrectsVersion >= 1 && command.CorrectsVersion <= events.Length
            ? Wrap(events[command.CorrectsVersion - 1], command.CorrectsVersion)
            : null;
        return CorrectRecordingEndpoint.Validate(command, Given(events), target, Now);
    }

    [Fact]
    public void a_correction_of_a_recorded_amount_is_accepted_and_records_exactly_what_was_given()
    {
        var command = new CorrectRecording(2, "typed 5 instead of 50", Amount: Usd(50_000_000_000m, AmountQualifier.UpTo));

        ThenAccepted(When(command));
        ThenEvent(new RecordingCorrected(2, "typed 5 instead of 50", Amount: Usd(50_000_000_000m, AmountQualifier.UpTo)),
            CorrectRecordingEndpoint.Decide(command));
    }

    [Fact]
    public void a_version_that_does_not_exist_is_a_400_naming_corrects_version()
    {
        ThenRefused(When(new CorrectRecording(9, "typo", Amount: Usd(1m))), 400, "correctsVersion");
    }

    [Fact]
    public void a_correction_must_give_at_least_one_member()
    {
        ThenRefused(When(new CorrectRecording(2, "typo")), 400, "correctsVersion");
    }

    [Fact]
    public void a_member_the_corrected_event_does_not_have_is_a_400_naming_it()
    {
        ThenRefused(When(new CorrectRecording(2, "typo", FinalAmount: Usd(1m), EventReason: "x")), 400, "finalAmount", "eventReason");
    }

    [Fact]
    public void only_the_opening_report_has_a_title_to_correct()
    {
        ThenAccepted(When(new CorrectRecording(1, "misspelt", Title: "Amazon invests in OpenAI (corrected)")));
        ThenRefused(When(new CorrectRecording(3, "misspelt", Title: "x"), Opened(), Proposed(), TalksAgain()), 400, "title");
    }

    [Fact]
    public void a_correction_itself_cannot_be_corrected()
    {
        ThenRefused(When(new CorrectRecording(3, "again", Amount: Usd(2m)), Opened(), Proposed(), new RecordingCorrected(2, "typo", Amount: Usd(1m))),
            400, "correctsVersion");
    }

    [Fact]
    public void corrected_values_obey_the_same_rules_as_recorded_ones()
    {
        ThenRefused(When(new CorrectRecording(2, "typo", Amount: new ReportedAmount(-1m, "usd"))), 400, "amount.value", "amount.currency");
    }

    [Fact]
    public void a_closed_deal_can_still_be_corrected()
    {
        ThenAccepted(When(new CorrectRecording(2, "typo", Amount: Usd(1m)), Opened(), Proposed(), Closed()));
    }

    [Fact]
    public void a_stale_expected_version_is_a_409()
    {
        ThenConflict(When(new CorrectRecording(2, "typo", Amount: Usd(1m), ExpectedVersion: 1)), currentVersion: 2);
    }

    [Fact]
    public void a_correction_without_a_reason_is_a_400()
    {
        ThenRefused(When(new CorrectRecording(2, " ", Amount: Usd(1m))), 400, "reason");
    }

    [Fact]
    public void a_corrected_source_or_date_obeys_the_rules_of_a_recorded_one()
    {
        ThenRefused(When(new CorrectRecording(2, "typo", Source: Wsj() with { Publication = " " })), 400, "source.publication");
        ThenRefused(When(new CorrectRecording(2, "typo", OccurredOn: DayAfterTomorrow)), 400, "occurredOn");
        ThenAccepted(When(new CorrectRecording(2, "typo", Source: Wsj("2026-01-30"), OccurredOn: Tomorrow)));
    }

    [Fact]
    public void a_corrected_closing_date_obeys_the_date_rules()
    {
        object[] closed = [Opened(), Proposed(), Closed()];

        ThenRefused(When(new CorrectRecording(3, "typo", ClosedOn: TooEarly), closed), 400, "closedOn");
        ThenAccepted(When(new CorrectRecording(3, "typo", ClosedOn: Day("2026-02-26"), FinalAmount: Usd(49_000_000_000m)), closed));
    }

    [Fact]
    public void corrected_parties_of_the_opening_report_name_two_and_of_a_later_report_of_talks_one()
    {
        object[] talkedAgain = [Opened(), Proposed(), TalksAgain()];
        Party[] one = [new("Amazon", PartyRole.Investor)];

        ThenRefused(When(new CorrectRecording(1, "typo", Parties: one), talkedAgain), 400, "parties");
        ThenAccepted(When(new CorrectRecording(3, "typo", Parties: one), talkedAgain));
        ThenRefused(When(new CorrectRecording(3, "typo", Parties: []), talkedAgain), 400, "parties");
    }

    [Fact]
    public void corrected_texts_obey_the_length_limits_of_recorded_ones()
    {
        object[] revised = [Opened(), Proposed(), Revised()];

        ThenRefused(When(new CorrectRecording(1, "typo", Title: Text(TextLimits.Name + 1))), 400, "title");
        ThenRefused(When(new CorrectRecording(2, "typo", Summary: Text(TextLimits.Paragraphs + 1))), 400, "summary");
        ThenRefused(When(new CorrectRecording(2, "typo", Governance: Text(TextLimits.Paragraphs + 1))), 400, "governance");
        ThenRefused(When(new CorrectRecording(2, "typo", Commitments: Text(TextLimits.Paragraphs + 1))), 400, "commitments");
        ThenRefused(When(new CorrectRecording(2, "typo", Instrument: Text(TextLimits.Name + 1))), 400, "instrument");
        ThenRefused(When(new CorrectRecording(3, "typo", EventReason: Text(TextLimits.Paragraphs + 1)), revised), 400, "eventReason");
        ThenRefused(When(new CorrectRecording(2, Text(TextLimits.Paragraphs + 1), Summary: "x")), 400, "reason");
        ThenAccepted(When(new CorrectRecording(2, Text(TextLimits.Paragraphs), Summary: Text(TextLimits.Paragraphs), Governance: Text(TextLimits.Paragraphs),
            Commitments: Text(TextLimits.Paragraphs), Instrument: Text(TextLimits.Name))));
        ThenAccepted(When(new CorrectRecording(1, "typo", Title: Text(TextLimits.Name))));
        ThenAccepted(When(new CorrectRecording(3, "typo", EventReason: Text(TextLimits.Paragraphs)), revised));
    }

    [Fact]
    public void corrected_final_amounts_valuations_and_stake_percents_obey_the_rules_of_recorded_ones()
    {
        ThenRefused(When(new CorrectRecording(3, "typo", FinalAmount: Usd(0m)), Opened(), Proposed(), Closed()), 400, "finalAmount.value");
        ThenRefused(When(new CorrectRecording(2, "typo", Valuation: new Valuation(0m, "USD"))), 400, "valuation.value");
        ThenRefused(When(new CorrectRecording(2, "typo", StakePercent: 100.5m)), 400, "stakePercent");
        ThenAccepted(When(new CorrectRecording(2, "typo", Valuation: new Valuation(1m, "USD"), StakePercent: 100m)));
    }

    [Fact]
    public void only_the_opening_report_has_a_kind_to_correct()
    {
        ThenAccepted(When(new CorrectRecording(1, "wrong kind", Kind: DealKind.Acquisition)));
        ThenRefused(When(new CorrectRecording(3, "wrong kind", Kind: DealKind.Acquisition), Opened(), Proposed(), TalksAgain()), 400, "kind");
    }

    [Theory]
    [MemberData(nameof(EveryReport))]
    public void every_member_a_report_has_can_be_corrected_and_no_other(string name, object report, string[] members)
    {
        Assert.NotNull(name);
        var others = AllMembers.Keys.Except(members).ToList();

        foreach (var member in members)
        {
            ThenAccepted(When(AllMembers[member], Opened(), report));
        }

        foreach (var member in others)
        {
            ThenRefused(When(AllMembers[member], Opened(), report), 400, member);
        }
    }

    /// <summary>Each correctable member, given alone in a valid correction of event 2.</summary>
    private static readonly Dictionary<string, CorrectRecording> AllMembers = new()
    {
        ["occurredOn"] = new(2, "typo", OccurredOn: Day("2026-01-02")),
        ["source"] = new(2, "typo", Source: Wsj("2026-01-02")),
        ["title"] = new(2, "typo", Title: "Another title"),
        ["kind"] = new(2, "typo", Kind: DealKind.Merger),
        ["parties"] = new(2, "typo", Parties: [new Party("Nvidia", PartyRole.CoInvestor)]),
        ["summary"] = new(2, "typo", Summary: "another summary"),
        ["amount"] = new(2, "typo", Amount: Usd(1m)),
        ["valuation"] = new(2, "typo", Valuation: new Valuation(2m, "USD")),
        ["stakePercent"] = new(2, "typo", StakePercent: 3m),
        ["instrument"] = new(2, "typo", Instrument: "warrants"),
        ["governance"] = new(2, "typo", Governance: "two seats"),
        ["commitments"] = new(2, "typo", Commitments: "chips"),
        ["eventReason"] = new(2, "typo", EventReason: "another reason"),
        ["finalAmount"] = new(2, "typo", FinalAmount: Usd(4m)),
        ["closedOn"] = new(2, "typo", ClosedOn: Day("2026-01-03")),
    };

    public static TheoryData<string, object, string[]> EveryReport()
    {
        var on = Day("2026-01-10");
        var source = Wsj("2026-01-10");
        string[] dated = ["occurredOn", "source"];
        return new()
        {
            { "talks", TalksAgain(), [.. dated, "parties", "summary", "amount", "valuation"] },
            { "terms", Proposed(), [.. dated, "amount", "valuation", "stakePercent", "instrument", "governance", "commitments", "summary"] },
            { "stake", Revised(), [.. dated, "amount", "stakePercent", "eventReason"] },
            { "closing", Closed(), [.. dated, "finalAmount", "closedOn", "summary"] },
            { "abandonment", Abandoned(), [.. dated, "eventReason"] },
            { "retraction", new ReportRetracted(1, "withdrawn", on, source), [.. dated, "eventReason"] },
            { "announcement", new AgreementAnnounced(Usd(5m), [], null, on, source), [.. dated, "amount", "summary"] },
            { "signing", new AgreementSigned(Usd(5m), [], null, on, source), [.. dated, "amount", "summary"] },
            { "review", new RegulatoryReviewOpened("FTC", "US", null, on, source), [.. dated, "summary"] },
            { "conclusion", new RegulatoryReviewConcluded("FTC", ReviewOutcome.Cleared, null, on, source), dated },
            { "funding", new TrancheFunded(1, null, on, source), [.. dated, "amount"] },
            { "completion", new DealCompleted(null, on, null, on, source), [.. dated, "finalAmount", "summary"] },
            { "question", new QuestionRaised(Guid.Empty, QuestionTopic.Other, "?", on, source), dated },
            { "answer", new QuestionAnswered(Guid.Empty, "!", on, source), dated },
            { "response", new PartyResponded("Amazon", PartyResponse.Confirmed, 1, null, on, source), dated },
        };
    }

    [Fact]
    public void a_correction_records_titles_and_party_names_without_surrounding_blanks()
    {
        var fix = CorrectRecordingEndpoint.Decide(new CorrectRecording(1, "typo", Title: " Amazon invests ", Parties: [new Party(" Amazon ", PartyRole.Investor)]));

        Assert.Equal(("Amazon invests", "Amazon"), (fix.Title, fix.Parties!.Single().Name));
    }
}
