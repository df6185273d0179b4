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
}
