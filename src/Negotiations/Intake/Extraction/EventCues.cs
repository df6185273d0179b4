using System.Text.RegularExpressions;
using Negotiations.Deals;

namespace Negotiations.Intake.Extraction;

/// <summary>
/// Which event a deal sentence reports, by its verbs, the strongest first: a regulator's review, an ending, a revised
/// offer or stake, an agreement, proposed terms, talks. "Will invest" or "will buy" is an agreement when a company or a
/// filing says it, and talk when others do.
/// </summary>
public static partial class EventCues
{
    public static readonly string TalksReported = DealEventTypes.Names[typeof(TalksReported)];
    public static readonly string TermsProposed = DealEventTypes.Names[typeof(TermsProposed)];
    public static readonly string AgreementAnnounced = DealEventTypes.Names[typeof(AgreementAnnounced)];
    public static readonly string StakeRevised = DealEventTypes.Names[typeof(StakeRevised)];
    public static readonly string DealAbandoned = DealEventTypes.Names[typeof(DealAbandoned)];
    public static readonly string RegulatoryReviewOpened = DealEventTypes.Names[typeof(RegulatoryReviewOpened)];
    public static readonly string PartyResponded = DealEventTypes.Names[typeof(PartyResponded)];

    /// <summary>The event the sentence's verbs name, or null when they name none (a figure alone may still make it talks).</summary>
    public static string? Of(string sentence, bool raisedMoney, Attribution? attribution)
    {
        if (Review().IsMatch(sentence))
        {
            return RegulatoryReviewOpened;
        }

        if (Abandoned().IsMatch(sentence))
        {
            return DealAbandoned;
        }

        if (Revised().IsMatch(sentence))
        {
            return StakeRevised;
        }

        if (Agreed().IsMatch(sentence) || raisedMoney)
        {
            return AgreementAnnounced;
        }

        if (Proposed().IsMatch(sentence))
        {
            return TermsProposed;
        }

        if (Talks().IsMatch(sentence))
        {
            return TalksReported;
        }

        return Will().IsMatch(sentence) && attribution is Attribution.CompanyStatement or Attribution.NamedSource or Attribution.RegulatoryFiling
            ? AgreementAnnounced
            : null;
    }

    [GeneratedRegex(@"\b(?:opened|opens|launched|launches|began|begins|started|starts|is conducting|has begun)\s+(?:an?\s+)?(?:[\p{L}-]+\s+){0,2}?(?:investigation|probe|review|inquiry)\b|\bis investigating\b|\breferred\b[^.]{0,80}\b(?:investigation|review)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Review();

    [GeneratedRegex(@"\b(?:abandon(?:ed|s)?|walked away|walks away|called off|calls off|scrapped|scraps|terminated|terminates|pulled out|pulls out|collapsed|fell apart|broke down|broken down|dropped (?:its|their|the) (?:bid|offer|pursuit|plans?)|ended (?:talks|negotiations|discussions))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Abandoned();

    [GeneratedRegex(@"\b(?:raised|raises|lowered|lowers|cut|cuts|increased|increases|reduced|reduces|boosted|boosts|trimmed|trims|sweetened|sweetens|scaled back|revised|bumped up)\s+(?:the size of\s+)?(?:its|their|the)\s+(?:planned\s+|proposed\s+|initial\s+|earlier\s+)?(?:offer|bid|investment|stake|commitment|holding)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Revised();

    [GeneratedRegex(@"\b(?:agreed|agrees|agree)\s+(?:in principle\s+)?to\b|\bsigned\s+an?\s+(?:[\p{L}-]+\s+)?(?:agreement|deal)\b|\b(?:struck|strikes|reached|reaches|clinched|sealed)\s+an?\s+(?:[\p{L}-]+\s+)?(?:deal|agreement)\b|\b(?:the companies|the firms) announced\b|\bannounced (?:an?|the|its|that)\b[^.]{0,60}\b(?:acquisition|deal|agreement|investment|merger|purchase)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Agreed();

    [GeneratedRegex(@"\b(?:offered|offers|has offered|proposed|proposes|made an?\s+(?:[\p{L}-]+\s+){0,2}?(?:offer|bid|proposal)|submitted an?\s+(?:[\p{L}-]+\s+){0,2}?(?:offer|bid|proposal)|term sheet)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Proposed();

    [GeneratedRegex(@"\b(?:in (?:[\p{L}-]+\s+){0,2}?(?:talks|discussions|negotiations)|discuss(?:ing|ed|es)?|negotiat(?:ing|ed|es)|explor(?:ing|es|ed)|weigh(?:ing|s)|consider(?:ing|s)|mulling|nearing|close to (?:a|an) (?:deal|agreement)|seek(?:ing|s)|approached|held (?:[\p{L}-]+\s+)?(?:talks|discussions)|talks (?:between|with))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Talks();

    [GeneratedRegex(@"\b(?:will|would|is to|are to|is set to|plans to|intends to)\s+(?:invest|acquire|buy|purchase|merge|take over|sell)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Will();
}
