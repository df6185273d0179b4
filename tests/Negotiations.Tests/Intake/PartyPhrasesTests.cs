using Negotiations.Deals;
using Negotiations.Intake.Extraction;
using Xunit;

namespace Negotiations.Tests.Intake;

public class PartyPhrasesTests
{
    private static string Parties(Candidate candidate) => string.Join("|", candidate.Parties.Select(p => $"{p.Name}:{p.Role}"));

    [Theory]
    [InlineData("Amazon is in talks to invest up to $50 billion in OpenAI.", "Amazon:Investor|OpenAI:Target")]
    [InlineData("Alphabet agreed to acquire cybersecurity firm Wiz for $32 billion.", "Alphabet:Acquirer|Wiz:Target")]
    [InlineData("Reliance Industries is in talks to buy a stake in Viacom18 for $1 billion.", "Reliance Industries:Investor|Viacom18:Target")]
    [InlineData("Enbridge will buy three gas utilities from Dominion Energy for C$19 billion, Enbridge said.", "Enbridge:Acquirer|Dominion Energy:Seller")]
    [InlineData("Seven & i Holdings agreed to sell its supermarket business to Bain Capital for ¥814.7 billion.", "Seven & i Holdings:Seller|Bain Capital:Acquirer")]
    [InlineData("Abu Dhabi's MGX is in talks to invest about $7 billion in Vireo Networks.", "MGX:Investor|Vireo Networks:Target")]
    [InlineData("Paramount Skydance is exploring a bid for Warner Bros. Discovery.", "Paramount Skydance:Acquirer|Warner Bros. Discovery:Target")]
    [InlineData("Omnicom agreed to merge with Interpublic in a deal valued at $13 billion.", "Omnicom:Other|Interpublic:Other")]
    [InlineData("The European Commission opened an investigation into Mars's $36 billion acquisition of Kellanova.", "Mars:Acquirer|Kellanova:Target")]
    public void the_deal_verb_gives_the_names_around_it_their_roles(string text, string parties) =>
        Assert.Equal(parties, Parties(Given.One(text)));

    [Fact]
    public void several_investors_in_one_passage_give_one_candidate_each()
    {
        var candidates = Given.Text("Lumen Orbit's new funding includes $2 billion from Thrive Capital, about $1 billion from Khosla Ventures and roughly $500 million from SoftBank.");

        Assert.Equal(
            ["Lumen Orbit:Target|Thrive Capital:Investor Exact 2000000000", "Lumen Orbit:Target|Khosla Ventures:Investor About 1000000000", "Lumen Orbit:Target|SoftBank:Investor About 500000000"],
            candidates.Select(c => $"{Parties(c)} {c.Amount!.Qualifier} {c.Amount.Value:0}"));
    }

    [Fact]
    public void a_combined_figure_is_no_one_investors_but_each_is()
    {
        var combined = Given.Text("Microsoft and Nvidia are in talks to invest $10 billion in Anthropic.");
        var each = Given.Text("Microsoft and Nvidia are in talks to invest $5 billion each in Anthropic.");

        Assert.Equal(["Microsoft:Investor|Anthropic:Target", "Nvidia:Investor|Anthropic:Target"], combined.Select(Parties));
        Assert.All(combined, c => Assert.Null(c.Amount));
        Assert.All(each, c => Assert.Equal(new ReportedAmount(5e9m, "USD"), c.Amount));
    }

    [Fact]
    public void a_sentence_naming_no_target_takes_the_passages()
    {
        var candidates = Given.Text("Amazon is discussing an investment of up to $25 billion in Anthropic. Google could contribute another $10 billion.");

        Assert.Equal(["Amazon:Investor|Anthropic:Target", "Google:Investor|Anthropic:Target"], candidates.Select(Parties));
    }

    [Fact]
    public void a_round_led_by_one_investor_with_others_gives_each_its_candidate()
    {
        var candidates = Given.Text("Helsing raised €600 million in a round led by Prima Materia, with participation from Lightspeed and Accel.");

        Assert.Equal(["Helsing:Target|Prima Materia:Investor", "Helsing:Target|Lightspeed:Investor", "Helsing:Target|Accel:Investor"], candidates.Select(Parties));
        Assert.All(candidates, c => Assert.Equal(new ReportedAmount(600e6m, "EUR"), c.RoundSize));
    }
}
