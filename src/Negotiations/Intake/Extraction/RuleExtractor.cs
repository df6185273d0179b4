using System.Text.RegularExpressions;
using Negotiations.Deals;
using Negotiations.Parties;

namespace Negotiations.Intake.Extraction;

/// <summary>
/// The rules reader: deterministic, offline, no model. Each paragraph is a passage; each sentence in it that names a
/// deal verb with its parties, and either a deal's figure or an event's verb, gives one candidate per investor (or
/// buyer); a sentence giving a party's answer gives one <c>party_responded</c> per party answering, when the passage
/// reports a deal. A sentence that names no party acted on takes the one the passage names ("Google could add $10
/// billion" after "… in Anthropic").
/// </summary>
public sealed partial class RuleExtractor : ICandidateExtractor
{
    public IReadOnlyList<Candidate> Extract(ExtractionRequest document)
    {
        var candidates = new List<Candidate>();
        foreach (var paragraph in Sentences.Paragraphs(document.Text))
        {
            candidates.AddRange(Passage(document, [.. Sentences.Of(paragraph)]));
        }

        return candidates;
    }

    private sealed record Read(TextPiece Sentence, Frame Frame, List<MoneyMention> Money, string? EventType, Attribution? Attribution,
        string? Relays, (PartyResponse Response, int At)? Answer);

    private static List<Candidate> Passage(ExtractionRequest document, List<TextPiece> sentences)
    {
        var deals = new List<(Read Reading, Frame Frame, List<CandidateParty> Parties, NameSpan? ActedOn, MoneyMention? Own)>();
        var answers = new List<(TextPiece Sentence, string Clause, int ClauseStart, (PartyResponse Response, int At) Answer, List<NameSpan> Names)>();
        var passageNames = new List<string>();
        var readings = new List<(TextPiece Sentence, List<NameSpan> Names, List<MoneyMention> Money, List<(int From, int To)> Clauses, (string Name, int Start, int End)? Relay)>();
        foreach (var sentence in sentences)
        {
            var text = sentence.Text;
            var money = MoneyPhrases.Find(text);
            var relay = AttributionPhrases.Relays(text);
            var people = AttributionPhrases.NamedPeople(text);
            var names = NamePhrases.Find(Masked(text, money))
                .Where(n => relay is not { } r || n.End <= r.Start || n.Start >= r.End)
                .Where(n => people.All(p => n.End <= p.Start || n.Start >= p.End))
                .ToList();
            names = WithoutPlaceOfOrigin(text, names);
            passageNames.AddRange(names.Select(n => n.Name));
            readings.Add((sentence, names, money, Clauses(text), relay));
        }

        foreach (var (sentence, names, money, clauses, relay) in readings)
        {
            var text = sentence.Text;
            var answered = false;
            foreach (var (from, to) in ResponseClauses(text))
            {
                if (AttributionPhrases.Response(text[from..to]) is { } answer)
                {
                    answered = true;
                    answers.Add((sentence, text[from..to], from, answer, names.Where(n => n.Start >= from && n.End <= from + answer.At).ToList()));
                }
            }

            if (answered || NotADeal().IsMatch(text))
            {
                continue;
            }

            var attribution = AttributionPhrases.Of(text, passageNames);
            foreach (var (from, to) in clauses)
            {
                if (DealFrames.Of(text, from, to, names, money) is not { } frame)
                {
                    continue;
                }

                var own = money.Where(m => m.Start >= from && m.End <= to).ToList();
                var eventType = EventCues.Of(text, frame.RaisedMoney, attribution);
                var read = new Read(sentence, frame, own, eventType, attribution, relay?.Name, null);
                foreach (var (parties, ownMoney) in PartiesOf(frame))
                {
                    deals.Add((read, frame, parties, frame.ActedOn, ownMoney));
                }
            }
        }

        var result = new List<Candidate>();
        var objects = deals.Where(d => d.ActedOn is not null).Select(d => (d.Reading.Sentence.Start, d.ActedOn!.Name)).ToList();
        foreach (var (read, frame, parties, obj, pairMoney) in deals)
        {
            var (actorRole, objectRole) = DealFrames.Roles(frame);
            var all = parties;
            if (obj is null && frame.Kind is FrameKind.Invest or FrameKind.Acquire or FrameKind.Approach)
            {
                // The party acted on, from the nearest sentence of the passage that names one.
                var inherited = objects.OrderBy(o => o.Start > read.Sentence.Start ? 1 : 0).ThenBy(o => Math.Abs(o.Start - read.Sentence.Start)).Select(o => o.Name).FirstOrDefault();
                if (inherited is null || (all.Count == 1 && all[0].Role != actorRole))
                {
                    continue;
                }

                all = [.. all, new CandidateParty(inherited, objectRole)];
            }

            var investors = frame.Kind is FrameKind.Merge or FrameKind.Sell ? 1 : frame.Actors.Count;
            var (amount, valuation, roundSize) = MoneyOf(frame, read.Money, pairMoney, investors);
            var eventType = read.EventType ?? (amount is not null || roundSize is not null || valuation is not null ? EventCues.TalksReported : null);
            if (eventType is null || all.Count == 0)
            {
                continue;
            }

            var attribution = read.Attribution ?? deals.Where(d => d.Reading.Attribution is not null).Select(d => d.Reading.Attribution).FirstOrDefault() ?? Attribution.Unattributed;
            var relays = read.Relays ?? deals.Select(d => d.Reading.Relays).FirstOrDefault(r => r is not null);
            var source = new Source(document.Publication, document.PublishedOn, attribution, document.Url, relays);
            result.Add(new Candidate(eventType, all, amount, valuation, roundSize, source, null, new Quote(read.Sentence.Start, read.Sentence.Text.Length)));
        }

        if (result.Count == 0)
        {
            return result;
        }

        foreach (var (sentence, clause, _, answer, names) in answers)
        {
            foreach (var name in names.DistinctBy(n => PartyNames.Key(n.Name)))
            {
                var role = result.SelectMany(c => c.Parties).FirstOrDefault(p => PartyNames.Key(p.Name) == PartyNames.Key(name.Name))?.Role ?? PartyRole.Other;
                var attribution = AttributionPhrases.NamedPeople(clause).Count > 0 ? Attribution.NamedSource
                    : answer.Response is PartyResponse.Denied or PartyResponse.Confirmed ? Attribution.CompanyStatement
                    : Attribution.Unattributed;
                var source = new Source(document.Publication, document.PublishedOn, attribution, document.Url);
                result.Add(new Candidate(EventCues.PartyResponded, [new CandidateParty(name.Name, role)], null, null, null, source, answer.Response,
                    new Quote(sentence.Start, sentence.Text.Length)));
            }
        }

        return result;
    }

    /// <summary>One party list per candidate: an investor (or buyer) each, or one investor each for a round's several backers.</summary>
    private static IEnumerable<(List<CandidateParty> Parties, MoneyMention? Money)> PartiesOf(Frame frame)
    {
        var (actorRole, objectRole) = DealFrames.Roles(frame);
        var obj = frame.ActedOn is { } o ? new CandidateParty(o.Name, objectRole) : null;
        var others = frame.Others.Select(x => new CandidateParty(x.Name.Name, x.Role)).ToList();
        if (frame.Kind == FrameKind.Raise)
        {
            var company = frame.Actors.LastOrDefault() is { } a ? new CandidateParty(a.Name, PartyRole.Target) : null;
            List<CandidateParty> With(params CandidateParty?[] parties) => [.. parties.OfType<CandidateParty>()];
            if (frame.Pairs.Count > 0)
            {
                foreach (var (investor, money) in frame.Pairs)
                {
                    yield return (With(company, new CandidateParty(investor.Name, PartyRole.Investor)), money);
                }

                yield break;
            }

            if (others.Count == 0)
            {
                if (company is not null)
                {
                    yield return (With(company), null);
                }

                yield break;
            }

            foreach (var investor in others)
            {
                yield return (With(company, investor), null);
            }

            yield break;
        }

        if (frame.Kind is FrameKind.Merge or FrameKind.Sell || frame.Actors.Count <= 1)
        {
            var parties = frame.Actors.Select(x => new CandidateParty(x.Name, actorRole)).Concat(obj is null ? [] : [obj]).Concat(others)
                .DistinctBy(p => PartyNames.Key(p.Name)).ToList();
            yield return (parties, null);
            yield break;
        }

        foreach (var actor in frame.Actors)
        {
            yield return ([new CandidateParty(actor.Name, actorRole), .. obj is null ? [] : new[] { obj }, .. others], null);
        }
    }

    private static (ReportedAmount? Amount, Valuation? Valuation, ReportedAmount? RoundSize) MoneyOf(Frame frame, List<MoneyMention> money, MoneyMention? pair, int actors)
    {
        var valuation = money.FirstOrDefault(m => m.Role == MoneyRole.Valuation) is { } v
            ? new Valuation(v.Amount.Value, v.Amount.Currency, v.Amount.Qualifier, v.Amount.High, v.Basis)
            : null;
        if (pair is not null)
        {
            return (pair.Amount, valuation, null);
        }

        var first = money.FirstOrDefault(m => m.Role == MoneyRole.Amount);
        var round = money.FirstOrDefault(m => m.Role == MoneyRole.RoundSize)?.Amount;
        if (frame.Kind == FrameKind.Raise)
        {
            return (null, valuation, round ?? first?.Amount);
        }

        // "Nvidia and Microsoft … $5 billion": a combined figure is no one investor's, unless "each".
        var amount = first is not null && (actors <= 1 || first.Each) ? first.Amount : null;
        return (amount, valuation, round);
    }

    /// <summary>The sentence with its figures blanked out, so "CHF 500 million" or "USD" is never read as a name.</summary>
    private static string Masked(string sentence, List<MoneyMention> money)
    {
        var chars = sentence.ToCharArray();
        foreach (var m in money)
        {
            for (var i = m.Start; i < m.End; i++)
            {
                chars[i] = char.IsWhiteSpace(chars[i]) ? ' ' : '#';
            }
        }

        return new string(chars);
    }

    /// <summary>"Indonesia's Bank Danamon": the possessor right before another name only says where it is from.</summary>
    private static List<NameSpan> WithoutPlaceOfOrigin(string sentence, List<NameSpan> names) =>
        [.. names.Where((n, i) => !(n.Possessor && i + 1 < names.Count && PossessiveJoint().IsMatch(sentence[n.End..names[i + 1].Start])))];

    private static List<(int From, int To)> Clauses(string sentence) => Split(ClauseBreak(), sentence);

    private static List<(int From, int To)> ResponseClauses(string sentence) => Split(ResponseBreak(), sentence);

    private static List<(int From, int To)> Split(Regex breaks, string sentence)
    {
        var clauses = new List<(int, int)>();
        var start = 0;
        foreach (Match b in breaks.Matches(sentence))
        {
            clauses.Add((start, b.Index));
            start = b.Index + b.Length;
        }

        clauses.Add((start, sentence.Length));
        return clauses;
    }

    [GeneratedRegex(@",\s+while\s+|;\s+|,\s+whereas\s+|,\s+but\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@",\s+(?:and|while|but)\s+|;\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResponseBreak();

    [GeneratedRegex(@"^['’]s?\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex PossessiveJoint();

    /// <summary>Money raised from the market, not from a party: an IPO, a bond or a share sale.</summary>
    [GeneratedRegex(@"\b(?:initial public offering|IPO|bond sale|bond offering|notes offering|debt offering|share sale|secondary offering|listing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotADeal();
}
