using Negotiations.Deals;
using Negotiations.Deals.Retracting;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.Retracting;

public class RetractReportTests
{
    private static Microsoft.AspNetCore.Mvc.ProblemDetails When(RetractReport command, params object[] events) =>
        RetractReportEndpoint.Validate(command, Given(events), events.Select((e, i) => Wrap(e, i + 1)).ToList(), Now);

    private static RetractReport Retraction(long version, long? expectedVersion = null) =>
        new(version, "Amazon denied the report", new Source("Amazon", Day("2026-02-02"), Attribution.CompanyStatement), ExpectedVersion: expectedVersion);

    [Fact]
    public void retracting_a_report_is_accepted_and_dated_by_its_source()
    {
        var command = Retraction(2);

        ThenAccepted(When(command, Opened(), Proposed()));
        ThenEvent(new ReportRetracted(2, "Amazon denied the report", Day("2026-02-02"), command.Source), RetractReportEndpoint.Decide(command));
    }

    [Fact]
    public void a_party_denying_a_report_is_recorded_as_a_denial()
    {
        var command = Retraction(2) with { Kind = RetractionKind.Denied };

        ThenAccepted(When(command, Opened(), Proposed()));
        Assert.Equal(RetractionKind.Denied, RetractReportEndpoint.Decide(command).Kind);
    }

    [Fact]
    public void a_version_that_does_not_exist_is_a_400_naming_retracts_version()
    {
        ThenRefused(When(Retraction(5), Opened(), Proposed()), 400, "retractsVersion");
    }

    [Fact]
    public void a_correction_is_not_a_report_and_cannot_be_retracted()
    {
        ThenRefused(When(Retraction(3), Opened(), Proposed(), new RecordingCorrected(2, "typo", Amount: Usd(1m))), 400, "retractsVersion");
    }

    [Fact]
    public void a_report_already_retracted_is_a_409()
    {
        ThenRefused(When(Retraction(2), Opened(), Proposed(), new ReportRetracted(2, "denied", Day("2026-02-01"), Wsj("2026-02-01"))), 409);
    }

    [Fact]
    public void closed_and_abandoned_deals_can_still_have_reports_retracted()
    {
        ThenAccepted(When(Retraction(2), Opened(), Proposed(), Closed()));
        ThenAccepted(When(Retraction(2), Opened(), Proposed(), Abandoned()));
    }

    [Fact]
    public void a_stale_expected_version_is_a_409()
    {
        ThenConflict(When(Retraction(2, expectedVersion: 1), Opened(), Proposed()), currentVersion: 2);
    }

    [Fact]
    public void a_retraction_needs_a_reason_and_a_source()
    {
        var command = new RetractReport(2, "", new Source("", Day("2026-02-02")));

        ThenRefused(When(command, Opened(), Proposed()), 400, "reason", "source.publication");
    }
}
