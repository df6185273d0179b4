using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Negotiations.Client;
using Negotiations.Client.Api.Deals;
using Negotiations.Client.Api.Deals.Item.Agreement;
using Negotiations.Client.Api.Deals.Item.Terms;
using Negotiations.Client.Models;
using Negotiations.Tests.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Docs;

/// <summary>
/// The walk-through through the typed .NET client Kiota generates from the document during the build
/// (tests/Negotiations.Client): if the document does not say what the service does, this client cannot do it.
/// </summary>
public class TypedClientWalkthroughTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_story_recorded_and_read_back_through_the_generated_client()
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__Negotiations"] = Fixture.ConnectionString });
        await service.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: service.Client)
        {
            BaseUrl = service.BaseAddress.ToString().TrimEnd('/'),
        };
        var client = new NegotiationsClient(adapter);
        var cancel = TestContext.Current.CancellationToken;

        var opened = await client.Api.Deals.PostAsync(new DealsPostRequestBody
        {
            Title = "Amazon invests in OpenAI",
            Kind = DealsPostRequestBody_kind.Investment,
            Parties =
            [
                new DealsPostRequestBody_parties { Name = "Amazon", Role = DealsPostRequestBody_parties_role.Investor },
                new DealsPostRequestBody_parties { Name = "OpenAI", Role = DealsPostRequestBody_parties_role.Target },
            ],
            Amount = new DealsPostRequestBody_amount { Value = 10_000_000_000m, Currency = "USD", Qualifier = DealsPostRequestBody_amount_qualifier.AtLeast },
            Source = new DealsPostRequestBody_source
            {
                Publication = "The Information", PublishedOn = new Date(2025, 12, 16), Attribution = DealsPostRequestBody_source_attribution.AnonymousSource,
            },
        }, cancellationToken: cancel);
        var id = opened!.Id!.Value;
        var deal = client.Api.Deals[id];

        await deal.Terms.PostAsync(new TermsPostRequestBody
        {
            Amount = new TermsPostRequestBody_amount { Value = 50_000_000_000m, Currency = "USD", Qualifier = TermsPostRequestBody_amount_qualifier.UpTo },
            Source = new TermsPostRequestBody_source
            {
                Publication = "Wall Street Journal", PublishedOn = new Date(2026, 1, 29), Attribution = TermsPostRequestBody_source_attribution.AnonymousSource,
            },
            ExpectedVersion = 1,
        }, cancellationToken: cancel);
        var agreed = await deal.Agreement.PostAsync(new AgreementPostRequestBody
        {
            Amount = new AgreementPostRequestBody_amount { Value = 50_000_000_000m, Currency = "USD" },
            Tranches =
            [
                new AgreementPostRequestBody_tranches { Amount = new AgreementPostRequestBody_tranches_amount { Value = 15_000_000_000m, Currency = "USD" } },
                new AgreementPostRequestBody_tranches
                {
                    Amount = new AgreementPostRequestBody_tranches_amount { Value = 35_000_000_000m, Currency = "USD" }, Condition = "an IPO or an AGI milestone",
                },
            ],
            Source = new AgreementPostRequestBody_source
            {
                Publication = "OpenAI press release", PublishedOn = new Date(2026, 2, 27), Attribution = AgreementPostRequestBody_source_attribution.CompanyStatement,
            },
        }, cancellationToken: cancel);
        Assert.Equal(3, agreed!.Version);

        var now = await deal.GetAsync(cancellationToken: cancel);
        Assert.Equal((DealStatus.Agreed, 35_000_000_000m), (now!.Status, now.Agreement!.Conditional!.Value));
        var february = await deal.GetAsync(r => r.QueryParameters.OccurredBy = new Date(2026, 2, 1), cancel);
        Assert.Equal((DealStatus.TermsProposed, 50_000_000_000m), (february!.Status, february.Amount!.Value));
        var history = await deal.History.GetAsync(cancellationToken: cancel);
        Assert.Equal(["talks_reported", "terms_proposed", "agreement_announced"], history!.Events!.Select(e => e.Type));
        await WaitForViewsAsync(); // the list is an async view
        var list = await client.Api.Deals.GetAsync(r =>
        {
            r.QueryParameters.Party = "amazon";
            r.QueryParameters.Status = [GetStatusQueryParameterType.Agreed];
        }, cancel);
        Assert.Equal([id], list!.Items!.Select(d => d.Id!.Value));

        // A refusal arrives as the document's problem type.
        var refused = await Assert.ThrowsAsync<ProblemDetails>(() => deal.Terms.PostAsync(new TermsPostRequestBody
        {
            Source = new TermsPostRequestBody_source { Publication = "Reuters", PublishedOn = new Date(2026, 1, 30) },
            ExpectedVersion = 1,
        }, cancellationToken: cancel));
        Assert.Equal(400, refused.Status);
    }
}
