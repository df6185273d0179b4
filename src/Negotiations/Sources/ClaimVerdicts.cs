using Negotiations.Deals;
using Negotiations.Deals.GettingClaims;

namespace Negotiations.Sources;

/// <summary>
/// One claim a publication made about a deal (an amount, a valuation or a stake), and what became of it: confirmed by a
/// later authoritative report giving the same value, contradicted by a later stronger report giving another, corrected
/// by us, retracted. <c>Claim</c> is the value as it counts now, in a headline's words; <c>Url</c> lists the deal's claims.
/// </summary>
public sealed record SourceClaim(
    string Publication,
    string PublicationKey,
    Guid DealId,
    long Version,
    string Field,
    string Claim,
    DateOnly OccurredOn,
    Attribution Attribution,
    bool Confirmed,
    long? ConfirmedBy,
    bool Contradicted,
    long? ContradictedBy,
    bool Corrected,
    bool Retracted,
    string? Relays,
    string Url);

/// <summary>
/// The verdict rules, pure. Strength is the report's attribution (filing strongest, unattributed weakest); a report a
/// party to the deal confirmed is as strong as a company statement. A claim is <b>confirmed</b> when a party confirmed
/// its report, or a later report (occurred later, or the same day and recorded later) that counts and is a company
/// statement or filing (or party-confirmed) gives the same value (<see cref="Same"/>). It is <b>contradicted</b> when it
/// is not confirmed and a later counting report of strictly greater strength gives a value that cannot be the same. A
/// retracted claim is neither. Corrected and retracted are as the claims say (<see cref="DealClaims"/>). The status field
/// is left out: a later status differing from an earlier one is the deal moving on, not a contradiction.
/// </summary>
public static class ClaimVerdicts
{
    public static IReadOnlyList<SourceClaim> Of(Guid dealId, DealClaims claims) =>
    [
        .. Field(dealId, "amount", claims.Fields.Amount),
        .. Field(dealId, "valuation", claims.Fields.Valuation),
        .. Field(dealId, "stakePercent", claims.Fields.StakePercent),
    ];

    /// <summary>
    /// Whether <paramref name="later"/> gives the same value as <paramref name="claimed"/>: true when every value the later
    /// one allows is one the claim allowed (its range lies within the claim's: "up to $50B" is confirmed by $50B and by
    /// $40B, "about $10B" by $10.5B, an exact $50B only by exactly $50B); false when the two ranges share no value (a
    /// contradiction); null when they only overlap, or are not comparable (different currencies, valuations on two
    /// different known bases). Stakes are exact numbers: the same or not.
    /// </summary>
    public static bool? Same(object claimed, object later) => (claimed, later) switch
    {
        (ReportedAmount a, ReportedAmount b) => a.Currency != b.Currency ? null : Compare(AmountRange.Of(a), AmountRange.Of(b)),
        (Valuation a, Valuation b) => a.Currency != b.Currency
            || (a.Basis != ValuationBasis.Unknown && b.Basis != ValuationBasis.Unknown && a.Basis != b.Basis)
                ? null
                : Compare(AmountRange.Of(a), AmountRange.Of(b)),
        (decimal a, decimal b) => a == b,
        _ => null,
    };

    private static bool? Compare(AmountRange claimed, AmountRange later) =>
        claimed.Contains(later) ? true : !claimed.Overlaps(later) ? false : null;

    /// <summary>How strong a claim's report is: its attribution, lifted to a company statement when a party confirmed it.</summary>
    public static Attribution Strength(Claim claim) =>
        claim.Confirmed && claim.Attribution > Attribution.CompanyStatement ? Attribution.CompanyStatement : claim.Attribution;

    private static IEnumerable<SourceClaim> Field(Guid dealId, string field, FieldClaims claims) =>
        claims.Claims.Select(claim =>
        {
            var later = claims.Claims.Where(other => !other.Retracted && other.Version != claim.Version && After(other, claim)).ToList();
            var confirmedBy = claim.Retracted ? null
                : claim.Responses.FirstOrDefault(r => r.Response == PartyResponse.Confirmed)?.Version
                    ?? later.FirstOrDefault(other => Strength(other) <= Attribution.CompanyStatement && Same(claim.Value, other.Value) == true)?.Version;
            var contradictedBy = claim.Retracted || confirmedBy is not null ? null
                : later.FirstOrDefault(other => Strength(other) < Strength(claim) && Same(claim.Value, other.Value) == false)?.Version;
            return new SourceClaim(
                claim.Source, Publications.Key(claim.Source), dealId, claim.Version, field, Text(claim.Value), claim.OccurredOn,
                claim.Attribution, confirmedBy is not null, confirmedBy, contradictedBy is not null, contradictedBy,
                claim.Corrected, claim.Retracted, claim.Relays, $"/api/deals/{dealId}/claims");
        });

    private static bool After(Claim other, Claim claim) =>
        other.OccurredOn > claim.OccurredOn || (other.OccurredOn == claim.OccurredOn && other.Version > claim.Version);

    private static string Text(object value) => value switch
    {
        ReportedAmount amount => CompactMoney.Format(amount),
        Valuation valuation => CompactMoney.Format(valuation),
        decimal percent => $"{percent.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}%",
        _ => $"{value}",
    };
}

/// <summary>Publications are matched as party names are: case- and accent-insensitive, spaces collapsed.</summary>
public static class Publications
{
    public static string Key(string publication) => Parties.PartyNames.Key(publication);
}
