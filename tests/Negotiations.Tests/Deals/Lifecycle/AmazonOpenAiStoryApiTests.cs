using Negotiations.Deals;
using Negotiations.Deals.GettingClaims;
using Negotiations.Deals.GettingTimeline;
using Negotiations.Deals.Questions;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.Lifecycle;

/// <summary>The story the product was built for, recorded end to end with vocabulary v2, checked after each step.</summary>
public class AmazonOpenAiStoryApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly object OpenAiRelease = Source("OpenAI press release", "2026-02-27", "CompanyStatement");

    [Fact]
    public async Task talks_terms_a_question_a_non_answer_the_announcement_a_late_article_a_review_and_the_chart()
    {
        // 16 Dec 2025 — The Information, one anonymous source: at least $10B.
        var id = (await Host.ReportNewDeal()).Id;

        // 29 Jan 2026 — WSJ, "a person familiar": up to $50B at about $830B (basis not said); will Amazon get a board seat?
        await Host.ProposeTerms(id, new
        {
            amount = Usd(50_000_000_000m, "UpTo"),
            valuation = new { value = 830_000_000_000m, currency = "USD", qualifier = "About" },
            source = Source(),
        });
        var asked = await (await Host.Post($"/api/deals/{id}/questions",
            new { topic = "Governance", text = "Will Amazon get a board seat?", source = Source() }, 200)).ReadAs<QuestionRecorded>();
        Assert.Equal((id, 3L), (asked.Id, asked.Version));
        await Host.Post($"/api/deals/{id}/responses", new { party = "Amazon", response = "DeclinedToComment", respondsToVersion = 2, source = Source() }, 200);

        // What we believed on 1 Feb 2026: terms proposed, up to $50B, the board seat an open question.
        var february = await Host.GetDeal(id, "occurredBy=2026-02-01");
        Assert.Equal((DealStatus.TermsProposed, Expected.Usd(50_000_000_000m, AmountQualifier.UpTo)), (february.Status, february.Amount!));
        Assert.Equal(QuestionState.Open, february.Questions.Single().State);
        var open = await Host.GetAs<QuestionList>("/api/questions?state=Open&party=amazon&topic=Governance");
        Assert.Equal([asked.QuestionId], open.Items.Select(i => i.Question.Id));

        // 27 Feb 2026 — announced: $50B, $15B up front and $35B on conditions.
        await Host.Post($"/api/deals/{id}/agreement", new
        {
            amount = Usd(50_000_000_000m),
            tranches = new object[]
            {
                new { amount = Usd(15_000_000_000m) },
                new { amount = Usd(35_000_000_000m), condition = "an IPO or an AGI milestone" },
            },
            summary = "Amazon invests $50B as part of a $110B round",
            source = OpenAiRelease,
        }, 200);
        var agreed = await Host.GetDeal(id);
        Assert.Equal(DealStatus.Agreed, agreed.Status);
        Assert.Equal(
            (Expected.Usd(50_000_000_000m), Expected.Usd(15_000_000_000m), Expected.Usd(35_000_000_000m), (ReportedAmount?)null),
            (agreed.Agreement!.Amount!, agreed.Agreement.UpFront!, agreed.Agreement.Conditional!, agreed.Agreement.Funded));
        Assert.Equal(Attribution.CompanyStatement, agreed.Sources.Amount!.Attribution);

        // The board-seat question is answered; an article from 20 Jan found only now is accepted and sorted into place.
        await Host.Post($"/api/deals/{id}/answers", new { questionId = asked.QuestionId, answer = "No board seat", source = Source("The Information", "2026-02-27") }, 200);
        var late = await Host.ReportTalks(id, new { summary = "talks widen to Nvidia and SoftBank", source = Source("Reuters", "2026-01-20", "AnonymousSource") });
        var afterLate = await Host.GetDeal(id);
        Assert.Equal((DealStatus.Agreed, Expected.Day("2026-02-27"), late), (afterLate.Status, afterLate.LastActivityOn, afterLate.Version));
        Assert.Equal(QuestionState.Answered, afterLate.Questions.Single().State);
        Assert.Empty((await Host.GetAs<QuestionList>("/api/questions?state=Open")).Items);

        // An antitrust review opens, then clears.
        await Host.Post($"/api/deals/{id}/reviews", new { regulator = "FTC", jurisdiction = "US", source = Source("Reuters", "2026-03-10") }, 200);
        Assert.Equal(DealStatus.UnderReview, (await Host.GetDeal(id)).Status);
        await Host.Post($"/api/deals/{id}/reviews/conclusion", new { regulator = "FTC", outcome = "Cleared", source = Source("Reuters", "2026-04-02") }, 200);
        Assert.Equal(DealStatus.Agreed, (await Host.GetDeal(id)).Status);

        // "Declined to comment" shows next to the WSJ claim; the chart has one point per report of the amount.
        var claims = await Host.GetAs<DealClaims>($"/api/deals/{id}/claims");
        Assert.Equal(PartyResponse.DeclinedToComment, claims.Fields.Amount.Claims.Single(c => c.Version == 2).Responses.Single().Response);
        var chart = await Host.GetAs<DealTimelineChart>($"/api/deals/{id}/timeline?field=amount");
        Assert.Equal(
            [(Expected.Day("2025-12-16"), (decimal?)10_000_000_000m, (decimal?)null), (Expected.Day("2026-01-29"), null, 50_000_000_000m),
             (Expected.Day("2026-02-27"), 50_000_000_000m, 50_000_000_000m)],
            chart.Points.Select(p => (p.OccurredOn, p.Low, p.High)));
    }

    [Fact]
    public async Task after_completion_a_later_report_is_a_409_that_says_why_and_records_nothing()
    {
        var id = (await Host.ReportNewDeal()).Id;
        await Host.Post($"/api/deals/{id}/complete", new { finalAmount = Usd(50_000_000_000m), source = OpenAiRelease }, 200);

        var refused = await (await Host.Post($"/api/deals/{id}/terms", new { amount = Usd(1m), source = Source("Reuters", "2026-03-01") }, 409))
            .ShouldBeProblem(409);

        Assert.Equal(
            $"Deal {id} is completed; a completed deal cannot take proposed terms (only reports of what happened before 2026-02-27 are still accepted: they sort into place).",
            refused.Detail);
        Assert.Equal(2, (await Host.GetDeal(id)).Version);
    }

    [Fact]
    public async Task every_new_route_refuses_bad_input_with_a_400_naming_the_field_and_an_unknown_deal_with_a_404()
    {
        var id = (await Host.ReportNewDeal()).Id;

        await (await Host.Post($"/api/deals/{id}/agreement", new { amount = Usd(10m), tranches = new[] { new { amount = Usd(5m) } }, source = OpenAiRelease }, 400))
            .ShouldBeProblem(400, "tranches");
        await (await Host.Post($"/api/deals/{id}/reviews", new { regulator = "", jurisdiction = "US", source = Source() }, 400)).ShouldBeProblem(400, "regulator");
        await (await Host.Post($"/api/deals/{id}/questions", new { topic = "Weather", text = "?", source = Source() }, 400)).ShouldBeProblem(400, "topic");
        await (await Host.Post($"/api/deals/{id}/responses", new { party = "Nobody", response = "Denied", source = Source() }, 400)).ShouldBeProblem(400, "party");
        await (await Host.Post($"/api/deals/{id}/tranches/funded", new { tranche = 1, source = Source() }, 409)).ShouldBeProblem(409);
        await (await Host.Post($"/api/deals/{id}/complete", new { completedOn = "2020-01-01", source = Source() }, 400)).ShouldBeProblem(400, "completedOn");
        await Host.GetProblem($"/api/deals/{id}/timeline?field=price", 400);
        await Host.GetProblem($"/api/deals/{UnknownDealId}/timeline", 404);
        await Host.GetProblem("/api/questions?state=Closed", 400);
        await (await Host.Post($"/api/deals/{UnknownDealId}/reviews", new { regulator = "FTC", jurisdiction = "US", source = Source() }, 404)).ShouldBeProblem(404);
        Assert.Equal(1, (await Host.GetDeal(id)).Version);
    }
}
