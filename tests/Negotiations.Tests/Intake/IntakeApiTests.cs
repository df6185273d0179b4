using System.Text;
using Negotiations.Deals;
using Negotiations.Intake;
using Negotiations.Intake.Archiving;
using Negotiations.Intake.Reviewing;
using Negotiations.Tests.Deals;
using Negotiations.Tests.Infrastructure;
using Negotiations.Tests.Parties;
using Xunit;
using static Negotiations.Tests.Intake.IntakeScenarios;

namespace Negotiations.Tests.Intake;

public class IntakeApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_document_is_archived_once_with_its_hash_and_candidates()
    {
        var result = await Host.Post("/api/intake/documents", Document(), 201);
        var archived = await result.ReadAs<DocumentDetail>();
        var again = await Host.Archive(status: 200);

        Assert.Equal($"/api/intake/documents/{archived.Document.Id}", result.Context.Response.Headers.Location.ToString());
        Assert.Equal(ArchiveDocumentEndpoint.Hash(Article), archived.Document.Sha256);
        Assert.Equal(64, archived.Document.Sha256.Length);
        Assert.Equal(archived.Document.Id, again.Document.Id);
        Assert.Equal(archived.Candidates.Select(c => c.Id), again.Candidates.Select(c => c.Id));
        Assert.Equal(["talks_reported", "party_responded"], archived.Candidates.Select(c => c.EventType));
        var talks = archived.Candidates[0];
        Assert.Equal((CandidateStatus.Pending, archived.Document.Id), (talks.Status, talks.DocumentId));
        Assert.Equal(new ReportedAmount(50_000_000_000m, "USD", AmountQualifier.UpTo), talks.Amount);
        Assert.Equal(new Source("Wall Street Journal", new DateOnly(2026, 1, 29), Attribution.AnonymousSource, "https://example.com/amazon-openai",
            DocumentId: archived.Document.Id, Quote: new Quote(0, Article.IndexOf(" Amazon declined", StringComparison.Ordinal))), talks.Source);
        Assert.Equal(Article[..Article.IndexOf(" Amazon declined", StringComparison.Ordinal)], talks.Quoted);

        var read = await Host.GetAs<DocumentDetail>($"/api/intake/documents/{archived.Document.Id}");
        Assert.Equal(Article, read.Document.Text);
        Assert.Equal(archived.Candidates.Count, read.Candidates.Count);
    }

    [Fact]
    public async Task an_unknown_document_is_a_404_problem()
    {
        var id = Guid.CreateVersion7();

        TestJson.AssertSame(Problem.NotFound($"No archived document has id {id}."), await Host.GetProblem($"/api/intake/documents/{id}", 404));
    }

    [Fact]
    public async Task documents_are_listed_by_publication_and_day()
    {
        await Host.Archive();
        await Host.Archive(Document("Salesforce is in talks to acquire Informatica for about $11 billion.", "Reuters", "2026-02-03"));

        var reuters = await Host.GetAs<DocumentList>("/api/intake/documents?publication=reuters");
        var january = await Host.GetAs<DocumentList>("/api/intake/documents?from=2026-01-01&to=2026-01-31");

        Assert.Equal(["Reuters"], reuters.Items.Select(d => d.Publication));
        Assert.Equal(["Wall Street Journal"], january.Items.Select(d => d.Publication));
        await Host.GetProblem("/api/intake/documents?from=yesterday", 400);
    }

    [Theory]
    [InlineData("", "text")]
    [InlineData("   ", "text")]
    [InlineData("binary\u0001\u0002 data", "text")]
    [InlineData("text with a NUL \u0000 in it", "text")]
    public async Task a_document_without_readable_text_is_refused_naming_the_field(string text, string field)
    {
        var result = await Host.Post("/api/intake/documents", Document(text), 400);

        await result.ShouldBeProblem(400, field);
    }

    [Fact]
    public async Task a_document_without_publication_or_with_a_bad_url_is_refused()
    {
        var result = await Host.Post("/api/intake/documents", Document(publication: " ", url: "ftp://example.com/x"), 400);

        await result.ShouldBeProblem(400, "publication", "url");
    }

    [Fact]
    public async Task a_body_over_the_limit_is_a_413_problem()
    {
        var text = new StringBuilder().Insert(0, "Amazon is in talks. ", 20_000).ToString();

        var result = await Host.Post("/api/intake/documents", Document(text), 413);

        await result.ShouldBeProblem(413, "body");
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/article")]
    [InlineData("http://localhost/article")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    public async Task a_page_on_a_private_address_is_not_fetched(string url)
    {
        var result = await Host.Post("/api/intake/documents", new { url }, 400);

        await result.ShouldBeProblem(400, "url");
    }

    [Fact]
    public async Task neither_text_nor_url_is_refused_naming_text() =>
        await (await Host.Post("/api/intake/documents", new { publication = "Reuters" }, 400)).ShouldBeProblem(400, "text");

    [Fact]
    public async Task a_candidate_party_takes_the_id_of_the_registered_party_whose_alias_it_is()
    {
        var amazon = await Host.RegisterParty("Amazon", "Company", "Amazon.com");

        var archived = await Host.Archive(Document("Amazon.com is in talks to invest up to $50 billion in OpenAI."));

        Assert.Equal([("Amazon.com", (Guid?)amazon), ("OpenAI", null)], archived.Candidates.Single().Parties.Select(p => (p.Name, p.PartyId)));
    }

    [Fact]
    public async Task an_accepted_candidate_opens_a_deal_whose_source_names_the_document_and_accepting_again_records_once()
    {
        var archived = await Host.Archive();
        var talks = archived.Candidates[0];

        var accepted = await Host.Accept(talks.Id);
        var again = await Host.Accept(talks.Id);

        Assert.Equal(accepted, again);
        Assert.Equal(1, accepted.Version);
        var deal = await Host.GetDeal(accepted.DealId);
        Assert.Equal("Amazon invests in OpenAI", deal.Title);
        Assert.Equal(talks.Source, deal.LastSource);
        Assert.Equal(archived.Document.Id, deal.LastSource!.DocumentId);
        Assert.Single((await Host.GetHistory(accepted.DealId)).Events);
        var pending = await Host.GetAs<CandidateList>($"/api/intake/candidates?documentId={archived.Document.Id}&status=Accepted");
        Assert.Equal([talks.Id], pending.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task a_response_candidate_is_recorded_on_the_deal_given()
    {
        var archived = await Host.Archive();
        var opened = await Host.Accept(archived.Candidates[0].Id);

        var responded = await Host.Accept(archived.Candidates[1].Id, new { dealId = opened.DealId });

        Assert.Equal(new CandidateAccepted(opened.DealId, 2), responded);
        var history = await Host.GetHistory(opened.DealId);
        Assert.Equal("party_responded", history.Events[1].Type);
    }

    [Fact]
    public async Task a_candidate_the_command_refuses_gets_the_commands_problem_and_stays_pending()
    {
        var archived = await Host.Archive(Document("Databricks is in talks to raise between $5 billion and $7 billion, people familiar said."));
        var raise = archived.Candidates.Single();

        var refused = await Host.Post($"/api/intake/candidates/{raise.Id}/accept", new { }, 400);
        await refused.ShouldBeProblem(400, "parties");
        var withoutDeal = await Host.Post($"/api/intake/candidates/{raise.Id}/accept", new { eventType = "terms_proposed" }, 400);
        await withoutDeal.ShouldBeProblem(400, "dealId");

        var read = await Host.GetAs<CandidateList>($"/api/intake/candidates?documentId={archived.Document.Id}");
        Assert.Equal(CandidateStatus.Pending, read.Items.Single().Status);

        var edited = await Host.Accept(raise.Id, new { parties = new[] { new { name = "Databricks", role = "Target" }, new { name = "Thrive Capital", role = "Investor" } } });
        Assert.Equal("Thrive Capital invests in Databricks", (await Host.GetDeal(edited.DealId)).Title);
    }

    [Fact]
    public async Task the_same_text_archived_by_racing_requests_is_one_document()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Host.Scenario(s =>
        {
            s.Post.Json(Document()).ToUrl("/api/intake/documents");
            s.IgnoreStatusCode();
        })));

        var statuses = results.Select(r => r.Context.Response.StatusCode).Order().ToList();
        var ids = await Task.WhenAll(results.Select(async r => (await r.ReadAs<DocumentDetail>()).Document.Id));
        Assert.Equal(201, statuses[^1]);
        Assert.Single(statuses, 201);
        Assert.All(statuses[..^1], status => Assert.Equal(200, status));
        Assert.Single(ids.Distinct());
        Assert.Single((await Host.GetAs<DocumentList>("/api/intake/documents")).Items);
    }

    [Fact]
    public async Task racing_accepts_of_one_candidate_record_it_once()
    {
        var talks = (await Host.Archive()).Candidates[0];

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl($"/api/intake/candidates/{talks.Id}/accept");
            s.StatusCodeShouldBe(200);
        })));

        var answers = await Task.WhenAll(results.Select(r => r.ReadAs<CandidateAccepted>()));
        Assert.Single(answers.Distinct());
        var candidate = (await Host.GetAs<CandidateList>($"/api/intake/candidates?status=Accepted")).Items.Single();
        Assert.Equal(answers[0].DealId, candidate.Review!.DealId);
    }

    [Fact]
    public async Task a_rejected_candidate_keeps_its_reason_and_cannot_be_accepted()
    {
        var archived = await Host.Archive();
        var talks = archived.Candidates[0];

        var rejected = await (await Host.Post($"/api/intake/candidates/{talks.Id}/reject", new { reason = "Already recorded" }, 200)).ReadAs<IntakeCandidate>();
        var accept = await Host.Post($"/api/intake/candidates/{talks.Id}/accept", new { }, 409);

        Assert.Equal((CandidateStatus.Rejected, "Already recorded"), (rejected.Status, rejected.Review!.Reason));
        await accept.ShouldBeProblem(409);
        await (await Host.Post($"/api/intake/candidates/{Guid.CreateVersion7()}/reject", new { reason = "x" }, 404)).ShouldBeProblem(404);
    }
}
