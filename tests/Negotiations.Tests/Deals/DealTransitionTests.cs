using Negotiations.Deals;
using Negotiations.Deals.ProposingTerms;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals;

public class DealTransitionTests
{
    [Fact]
    public void proposing_terms_on_open_talks_is_accepted_and_records_the_terms()
    {
        var deal = Given(Opened());
        var command = new ProposeTerms(Usd(50_000_000_000m, AmountQualifier.UpTo), Wsj());

        ThenAccepted(ProposeTermsEndpoint.Validate(command, deal, Now));
        ThenEvent(Proposed(), ProposeTermsEndpoint.Decide(command));
    }

    [Fact]
    public void a_closed_deal_refuses_new_terms_with_a_conflict()
    {
        var deal = Given(Opened(), Closed());

        ThenRefused(ProposeTermsEndpoint.Validate(new ProposeTerms(Usd(1m), Wsj()), deal, Now), 409);
    }
}
