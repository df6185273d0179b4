using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Negotiations.Tests.Reliability;

public enum CommandRoute { OpenDeal, ReportTalks, ProposeTerms, ReviseStake, CloseDeal, AbandonDeal, CorrectRecording, RetractReport }

/// <summary>Which deal a generated request is sent to: the test's own deal, an id no deal has, or text that is no id.</summary>
public enum DealTarget { Existing, Unknown, Malformed }

/// <summary>Where a request goes: the test's deal (no id of its own), or the given id, unknown or malformed.</summary>
public sealed record Target(DealTarget Kind, string Id)
{
    public static readonly Target Existing = new(DealTarget.Existing, "");

    /// <summary>GUIDs no deal has, the all-zero one included.</summary>
    public static readonly Gen<Target> Unknown = Gen.Frequency(
        (1, Gen.Const(new Target(DealTarget.Unknown, Guid.Empty.ToString()))),
        (1, Gen.Guid.Select(id => new Target(DealTarget.Unknown, id.ToString()))));

    /// <summary>
    /// Ids that are not GUIDs, or GUIDs in formats a client would not expect to be accepted. No "%00": the test server
    /// throws on it before the service sees the request (Kestrel answers it with its own 400).
    /// </summary>
    public static readonly Gen<Target> Malformed = Gen.OneOf(
        "not-a-guid", "1", "0", "-1", "null", "undefined", "00000000-0000-0000-0000-00000000000g", "0199a7b6-ffff-7000-8000-00000000ffff0",
        "{0199a7b6-ffff-7000-8000-00000000ffff}", "0199a7b6ffff70008000000000000ffff", "%20", "a%2Fb", "%C3%A9", "é",
        new string('f', 5000), "..", ".", "%2E%2E").Select(id => new Target(DealTarget.Malformed, id));

    public override string ToString() => Kind == DealTarget.Existing ? "the existing deal" : $"{Kind} deal id '{Id}'";
}

/// <summary>How a body came about, for the statistics: valid as generated, a valid one damaged, or made from nothing.</summary>
public enum BodyOrigin { Valid, Mutated, Scratch }

/// <summary>One generated request: where it goes and the exact bytes of its body.</summary>
public sealed record FuzzCase(CommandRoute Route, Target Target, BodyOrigin Origin, string Mutations, string Text, int? InvalidByteAt)
{
    public byte[] Body()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        if (InvalidByteAt is not { } at)
        {
            return bytes;
        }

        // 0xFF never occurs in UTF-8: the body stops being text at all.
        var position = at % (bytes.Length + 1);
        return [.. bytes[..position], 0xFF, .. bytes[position..]];
    }

    public override string ToString()
    {
        const int shown = 3000;
        var text = Text.Length <= shown ? Text : $"{Text[..shown]}…";
        return $"{Route} on {Target}, {Origin} body" +
            $"{(Mutations.Length > 0 ? $" ({Mutations})" : "")}{(InvalidByteAt is { } at ? $", byte 0xFF inserted at {at}" : "")}, " +
            $"{Text.Length} chars (JSON-escaped here): {JsonSerializer.Serialize(text)}";
    }
}

/// <summary>
/// JSON as the fuzzer writes it: scalars are raw text, so a body can hold what no serializer writes (1e400, -0, NaN,
/// unescaped control characters, duplicate members); objects and arrays stay a tree so a mutation can reach any member.
/// </summary>
public abstract record JsonTree
{
    public abstract void WriteTo(StringBuilder text);

    public string Render()
    {
        var text = new StringBuilder();
        WriteTo(text);
        return text.ToString();
    }
}

public sealed record JsonScalar(string Text) : JsonTree
{
    public override void WriteTo(StringBuilder text) => text.Append(Text);
}

public sealed record JsonItems(IReadOnlyList<JsonTree> Items) : JsonTree
{
    public override void WriteTo(StringBuilder text)
    {
        text.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            text.Append(i > 0 ? "," : "");
            Items[i].WriteTo(text);
        }

        text.Append(']');
    }
}

public sealed record JsonMember(string Name, JsonTree Value);

public sealed record JsonMembers(IReadOnlyList<JsonMember> Members) : JsonTree
{
    public override void WriteTo(StringBuilder text)
    {
        text.Append('{');
        for (var i = 0; i < Members.Count; i++)
        {
            text.Append(i > 0 ? "," : "").Append(FuzzBodies.Quote(Members[i].Name)).Append(':');
            Members[i].Value.WriteTo(text);
        }

        text.Append('}');
    }
}

public enum MutationKind { DropMember, NullMember, ChangeType, DuplicateMember, AddMember, ReplaceValue, AwkwardValue, Truncate, InvalidUtf8 }

/// <summary>
/// One damage done to a valid body. <c>At</c> picks the member (objects, for <see cref="MutationKind.AddMember"/>) in
/// document order, modulo how many there are, so every generated number hits something and shrinking stays meaningful.
/// <see cref="MutationKind.ReplaceValue"/> puts <c>Value</c> there, any JSON at all; <see cref="MutationKind.AwkwardValue"/>
/// keeps the member's JSON type and puts an awkward one of it there (<c>Text</c>, <c>Number</c> or <c>Date</c>), which gets
/// past the parser into the validation and the store.
/// </summary>
public sealed record Mutation(MutationKind Kind, int At, string Name, JsonTree Value, string Text, string Number, string Date)
{
    public override string ToString() => Kind == MutationKind.AddMember ? $"{Kind} #{At} {FuzzBodies.Quote(Name)}" : $"{Kind} #{At}";
}

/// <summary>CsCheck generators of command bodies: valid ones per route, damaged ones, and ones made from nothing.</summary>
public static class FuzzBodies
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every member name any command knows, so random objects hit the real contract as well as near misses.</summary>
    private static readonly string[] RealNames =
    [
        "title", "kind", "parties", "name", "role", "summary", "amount", "value", "currency", "qualifier", "high", "valuation",
        "basis", "source", "publication", "publishedOn", "attribution", "url", "occurredOn", "expectedVersion", "stakePercent",
        "instrument", "governance", "commitments", "reason", "finalAmount", "closedOn", "correctsVersion", "eventReason",
        "retractsVersion",
    ];

    private static readonly string[] EnumNames =
    [
        "Investment", "Acquisition", "Merger", "Partnership", "Other", "Investor", "Target", "Acquirer", "Seller", "CoInvestor",
        "Advisor", "Exact", "About", "UpTo", "AtLeast", "Between", "PreMoney", "PostMoney", "Unknown", "RegulatoryFiling",
        "CompanyStatement", "NamedSource", "AnonymousSource", "Unattributed", "investment", "INVESTOR", "upTo", "Exact ",
        " About", "Investment,Merger", "0", "1", "-1", "USD", "usd", "XXX", "US", "USDD", "EUR", "",
    ];

    /// <summary>Texts a client might send by accident or by malice, weighted towards the awkward ones.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.String[Gen.Char["abcdefghij XYZ-.,'"], 1, 30]),
        (1, Gen.OneOf("", " ", "\t\n", "\u00a0", "null", "true", "0")),
        (4, Gen.OneOf(
            "Zürich · 東京 · Москва", "🚀💸🤝", "\u202eevil rtl", "e\u0301", "\ufeffbom", "\u2028\u2029", "\u0000", "nul\u0000inside",
            "\u0001\u001f\u007f", "\ud800", "\udfff lone low", "\ud83d", "<script>alert(1)</script>", "'; drop table deals; --",
            "{{id}}", "%s%n", "\\u0000", "../../etc/passwd", "\"quoted\"", "back\\slash")),
        (2, Gen.String[Gen.Char['\0', '\uffff'], 1, 40]),
        (1, Gen.OneOf(199, 200, 201, 3999, 4000, 4001, 100_000, 300_000).Select(n => new string('x', n))),
        (1, Gen.Int[1, 5000].Select(n => new string('é', n))));

    /// <summary>
    /// Texts for a member that takes text, weighted towards a NUL character, which JSON allows (\u0000) but a PostgreSQL
    /// jsonb value cannot hold.
    /// </summary>
    public static readonly Gen<string> AwkwardText = Gen.Frequency(
        (4, Text),
        (1, Gen.Select(Gen.String[Gen.Char["abcdefghij"], 0, 10], Gen.Int[0, 10], (word, at) => word.Insert(Math.Min(at, word.Length), "\u0000"))));

    /// <summary>Numbers as written: out of range for decimal, double and long, negative zero, and tokens JSON forbids.</summary>
    public static readonly Gen<string> NumberText = Gen.Frequency(
        (3, Gen.OneOf(
            "0", "-0", "0.0", "-0.0", "1", "-1", "1e400", "-1e400", "1e-400", "1E+2", "0.5", "1.5e3", "100", "100.0001",
            "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950336",
            "1000000000000000", "1000000000000001", "999999999999999.9999999999", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "0.0000000000000000000000000001", "1" + new string('0', 400),
            "NaN", "Infinity", "-Infinity", "01", "1.", ".5", "+1", "0x10", "1e", "--1")),
        (2, Gen.Long.Select(v => v.ToString(Invariant))),
        (2, Gen.Decimal.Select(v => v.ToString(Invariant))),
        (1, Gen.Double.Select(v => v.ToString("R", Invariant))));

    /// <summary>Dates: the extremes of DateOnly, the edges of the allowed range, impossible days and other formats.</summary>
    public static readonly Gen<string> DateText = Gen.Frequency(
        (3, Gen.OneOf(
            "0001-01-01", "9999-12-31", "1899-12-31", "1900-01-01", "2026-02-30", "2026-13-01", "2026-00-10", "2025-12-16",
            "2025-12-16T00:00:00Z", "16/12/2025", "2025-1-1", "20251216", " 2025-12-16", "", "yesterday", "+002025-12-16")),
        (1, Gen.OneOf(-1, 0, 1, 2, 365).Select(days => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", Invariant))),
        (2, Gen.DateOnly.Select(d => d.ToString("yyyy-MM-dd", Invariant))));

    public static readonly Gen<string> MemberName = Gen.Frequency(
        (6, Gen.OneOf(RealNames)),
        (2, Gen.OneOf("ocurredOn", "Title", "TITLE", "title ", "publishedon", "Source", "$type", "$id", "$ref", "$values",
            "__proto__", "constructor", "", "id", "version", "\u0000", "tïtle")),
        (1, Text));

    public static readonly Gen<JsonTree> AnyScalar = Gen.Frequency(
        (3, Text.Select(Str)),
        // Written as is: raw control characters, quotes and backslashes break the JSON text itself.
        (1, Text.Select(s => (JsonTree)new JsonScalar($"\"{s}\""))),
        (3, NumberText.Select(n => (JsonTree)new JsonScalar(n))),
        (2, DateText.Select(Str)),
        (2, Gen.OneOf(EnumNames).Select(Str)),
        (1, Gen.OneOf("true", "false", "null").Select(t => (JsonTree)new JsonScalar(t))));

    private static readonly Gen<JsonTree>[] AnyValueOfDepth = BuildAnyValues(4);

    /// <summary>Any JSON value nested at most <paramref name="depth"/> levels: scalars, arrays and objects of random members.</summary>
    public static Gen<JsonTree> AnyValue(int depth) => AnyValueOfDepth[Math.Clamp(depth, 0, AnyValueOfDepth.Length - 1)];

    private static Gen<JsonTree>[] BuildAnyValues(int maxDepth)
    {
        var byDepth = new Gen<JsonTree>[maxDepth + 1];
        byDepth[0] = AnyScalar;
        for (var depth = 1; depth <= maxDepth; depth++)
        {
            var inner = byDepth[depth - 1];
            byDepth[depth] = Gen.Frequency(
                (4, AnyScalar),
                (1, inner.List[0, 4].Select(items => (JsonTree)new JsonItems(items))),
                (2, Gen.Select(MemberName, inner, (name, value) => new JsonMember(name, value)).List[0, 6]
                    .Select(members => (JsonTree)new JsonMembers(members))));
        }

        return byDepth;
    }

    /// <summary>Bodies made from nothing: objects of random members, any other JSON value, broken JSON, deep nesting, noise.</summary>
    public static readonly Gen<string> Scratch = Gen.Frequency(
        (6, Gen.Select(MemberName, AnyValue(3), (name, value) => new JsonMember(name, value)).List[0, 10]
            .Select(members => new JsonMembers(members).Render())),
        (2, AnyValue(3).Select(value => value.Render())),
        (1, Gen.OneOf(
            "", " ", "{", "}", "[", "{\"", "{\"title\":", "{}", "[]", "null", "{}{}", "{} trailing", "{\"a\":1,}", "{'title':'x'}",
            "{title:1}", "\u0000", "\ufeff{}", "/* c */ {}", "{\"title\":\"x\" // c\n}", "{\"source\":{\"publication\":\"x\",\"publishedOn\":\"2025-12-16\"}}")),
        (1, Gen.Int[1, 3000].Select(depth => new string('[', depth) + new string(']', depth))),
        (1, Gen.Int[1, 3000].Select(depth => string.Concat(Enumerable.Repeat("{\"source\":", depth)) + "1" + new string('}', depth))),
        (1, Gen.String[Gen.Char['\0', '\uffff'], 0, 200]));

    public static readonly Gen<Mutation> Mutation = Gen.Select(
        Gen.Enum<MutationKind>(), Gen.Int[0, 1000], MemberName, AnyValue(2), AwkwardText, NumberText, DateText,
        (kind, at, name, value, text, number, date) => new Mutation(kind, at, name, value, text, number, date));

    /// <summary>Generated requests for one route: valid, damaged (one to three mutations) and from scratch.</summary>
    public static Gen<FuzzCase> Cases(CommandRoute route, Gen<Target> target)
    {
        var valid = ValidBody(route);
        var body = Gen.Frequency(
            (2, valid.Select(tree => (Origin: BodyOrigin.Valid, Mutations: "", Text: tree.Render(), InvalidByteAt: (int?)null))),
            (5, Gen.Select(valid, Mutation.Array[1, 3], (tree, mutations) => Mutate(tree, mutations))),
            (3, Scratch.Select(text => (Origin: BodyOrigin.Scratch, Mutations: "", Text: text, InvalidByteAt: (int?)null))));
        return Gen.Select(target, body, (t, b) => new FuzzCase(route, t, b.Origin, b.Mutations, b.Text, b.InvalidByteAt));
    }

    private static (BodyOrigin Origin, string Mutations, string Text, int? InvalidByteAt) Mutate(JsonTree tree, Mutation[] mutations)
    {
        foreach (var mutation in mutations.Where(m => m.Kind is not (MutationKind.Truncate or MutationKind.InvalidUtf8)))
        {
            tree = Apply(tree, mutation);
        }

        var text = tree.Render();
        int? invalidByteAt = null;
        foreach (var mutation in mutations)
        {
            if (mutation.Kind == MutationKind.Truncate)
            {
                text = text[..(mutation.At * 7919 % (text.Length + 1))];
            }
            else if (mutation.Kind == MutationKind.InvalidUtf8)
            {
                invalidByteAt = mutation.At * 7919;
            }
        }

        return (BodyOrigin.Mutated, string.Join("; ", mutations.Select(m => m.ToString())), text, invalidByteAt);
    }

    private static JsonTree Apply(JsonTree tree, Mutation mutation)
    {
        var members = Count(tree, members: true);
        if (mutation.Kind == MutationKind.AddMember || members == 0)
        {
            var objects = Count(tree, members: false);
            return new Rewriter(mutation with { Kind = MutationKind.AddMember }, mutation.At % Math.Max(objects, 1)).Visit(tree);
        }

        return new Rewriter(mutation, mutation.At % members).Visit(tree);
    }

    private static int Count(JsonTree tree, bool members) => tree switch
    {
        JsonMembers o => (members ? o.Members.Count : 1) + o.Members.Sum(m => Count(m.Value, members)),
        JsonItems a => a.Items.Sum(item => Count(item, members)),
        _ => 0,
    };

    /// <summary>Walks a tree in document order and rewrites the one object or member (number <c>target</c>) the mutation hits.</summary>
    private sealed class Rewriter(Mutation mutation, int target)
    {
        private int _index;

        public JsonTree Visit(JsonTree node) => node switch
        {
            JsonMembers o => VisitObject(o),
            JsonItems a => new JsonItems([.. a.Items.Select(Visit)]),
            _ => node,
        };

        private JsonMembers VisitObject(JsonMembers o)
        {
            var result = new List<JsonMember>();
            if (mutation.Kind == MutationKind.AddMember && _index++ == target)
            {
                result.Add(new JsonMember(mutation.Name, mutation.Value));
            }

            foreach (var member in o.Members)
            {
                var hit = mutation.Kind != MutationKind.AddMember && _index++ == target;
                var visited = member with { Value = Visit(member.Value) };
                if (!hit)
                {
                    result.Add(visited);
                    continue;
                }

                switch (mutation.Kind)
                {
                    case MutationKind.DropMember:
                        break;
                    case MutationKind.NullMember:
                        result.Add(member with { Value = new JsonScalar("null") });
                        break;
                    case MutationKind.ChangeType:
                        result.Add(member with { Value = Retyped(member.Value) });
                        break;
                    case MutationKind.AwkwardValue:
                        result.Add(member with { Value = Awkward(visited.Value) });
                        break;
                    case MutationKind.DuplicateMember:
                        // Same name twice: once as sent, once with another value (which one wins is the parser's choice).
                        result.Add(visited);
                        result.Add(member with { Value = mutation.At % 2 == 0 ? member.Value : mutation.Value });
                        break;
                    default:
                        result.Add(member with { Value = mutation.Value });
                        break;
                }
            }

            return new JsonMembers(result);
        }

        private JsonTree Awkward(JsonTree value) => value switch
        {
            JsonScalar s when s.Text.StartsWith('"') => Str(LooksLikeDate(s.Text) ? mutation.Date : mutation.Text),
            JsonScalar { Text: not ("null" or "true" or "false") } => new JsonScalar(mutation.Number),
            _ => mutation.Value,
        };

        private static bool LooksLikeDate(string quoted) => quoted.Length == 12 && quoted[5] == '-' && quoted[8] == '-';

        /// <summary>The same content as a value of another JSON type: an array where an object goes, a string for a number…</summary>
        private static JsonTree Retyped(JsonTree value) => value switch
        {
            JsonMembers o => new JsonItems([.. o.Members.Select(m => m.Value)]),
            JsonItems a => new JsonMembers([.. a.Items.Select((item, i) => new JsonMember(i.ToString(Invariant), item))]),
            JsonScalar { Text: "null" } => new JsonMembers([]),
            JsonScalar { Text: "true" or "false" } s => Str(s.Text),
            JsonScalar s when s.Text.StartsWith('"') => decimal.TryParse(s.Text.Trim('"'), NumberStyles.Float, Invariant, out var number)
                ? new JsonScalar(number.ToString(Invariant))
                : new JsonScalar(s.Text.Length % 2 == 0 ? "true" : "0"),
            JsonScalar s => Str(s.Text),
            _ => value,
        };
    }

    /// <summary>A JSON string literal: quotes, backslashes, control characters and every surrogate (paired or lone) escaped.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                _ when c < ' ' || char.IsSurrogate(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    private static JsonTree Str(string value) => new JsonScalar(Quote(value));

    private static JsonScalar Num(decimal value) => new JsonScalar(value.ToString(Invariant));

    private static JsonMembers Obj(params (string Name, JsonTree? Value)[] members) =>
        new([.. members.Where(m => m.Value is not null).Select(m => new JsonMember(m.Name, m.Value!))]);

    /// <summary>Present half of the time, else left out.</summary>
    private static Gen<JsonTree?> Maybe(Gen<JsonTree> gen) => Gen.Frequency(
        (1, Gen.Const((JsonTree?)null)),
        (1, gen.Select(value => (JsonTree?)value)));

    private static readonly Gen<JsonTree> PlainText = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz ABCXYZ"], 1, 40]
        .Where(s => !string.IsNullOrWhiteSpace(s)).Select(Str);

    private static readonly Gen<JsonTree> ValidDate =
        Gen.DateOnly[new DateOnly(1990, 1, 1), new DateOnly(2025, 12, 31)].Select(d => Str(d.ToString("yyyy-MM-dd", Invariant)));

    private static readonly Gen<JsonTree> ValidSource = Gen.Select(
        PlainText, ValidDate,
        Maybe(Gen.OneOf("RegulatoryFiling", "CompanyStatement", "NamedSource", "AnonymousSource", "Unattributed").Select(Str)),
        Maybe(Gen.OneOf("https://example.com/deal", "http://news.example.org/a?b=c").Select(Str)),
        (publication, publishedOn, attribution, url) => (JsonTree)Obj(
            ("publication", publication), ("publishedOn", publishedOn), ("attribution", attribution), ("url", url)));

    private static Gen<JsonTree> ValidMoney(bool withBasis) => Gen.Select(
        Gen.Long[1, 500_000_000_000_000], Gen.OneOf("USD", "EUR", "JPY", "CHF"),
        Gen.OneOf<string?>(null, "Exact", "About", "UpTo", "AtLeast", "Between"),
        Gen.OneOf<string?>(null, "PreMoney", "PostMoney", "Unknown"),
        (value, currency, qualifier, basis) => (JsonTree)Obj(
            ("value", Num(value)), ("currency", Str(currency)), ("qualifier", qualifier is null ? null : Str(qualifier)),
            ("high", qualifier == "Between" ? Num(value * 2m) : null), ("basis", withBasis && basis is not null ? Str(basis) : null)));

    private static readonly Gen<JsonTree> ValidRole =
        Gen.OneOf("Investor", "Target", "Acquirer", "Seller", "CoInvestor", "Advisor", "Other").Select(Str);

    /// <summary>Distinct party names: a shared random stem numbered per party.</summary>
    private static Gen<JsonTree> ValidParties(int minimum) => Gen.Select(
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz"], 1, 12], ValidRole.Array[minimum, 4],
        (stem, roles) => (JsonTree)new JsonItems([.. roles.Select((role, i) => Obj(("name", Str($"{stem} {i}")), ("role", role)))]));

    private static readonly Gen<JsonTree> ValidStakePercent =
        Gen.Frequency((3, Gen.Int[1, 100].Select(p => (JsonTree)Num(p))), (1, Gen.OneOf(0.5m, 33.333m, 99.99m).Select(p => (JsonTree)Num(p))));

    private static readonly Gen<JsonTree> ValidKind = Gen.OneOf("Investment", "Acquisition", "Merger", "Partnership", "Other").Select(Str);

    /// <summary>The test's deal has events 1 (opening talks), 2 (terms) and 3 (talks): corrections and retractions aim there.</summary>
    private static readonly Gen<long> ExistingVersion = Gen.OneOf(1L, 2L, 3L);

    /// <summary>A body the route accepts on an open deal: required members always, optional ones half of the time.</summary>
    public static Gen<JsonTree> ValidBody(CommandRoute route) => route switch
    {
        CommandRoute.OpenDeal => Gen.Select(
            PlainText, ValidKind, ValidParties(2), Maybe(PlainText), Maybe(ValidMoney(false)), Maybe(ValidMoney(true)), ValidSource, Maybe(ValidDate),
            (title, kind, parties, summary, amount, valuation, source, occurredOn) => (JsonTree)Obj(
                ("title", title), ("kind", kind), ("parties", parties), ("summary", summary), ("amount", amount),
                ("valuation", valuation), ("source", source), ("occurredOn", occurredOn))),
        CommandRoute.ReportTalks => Gen.Select(
            ValidSource, Maybe(ValidParties(0)), Maybe(PlainText), Maybe(ValidMoney(false)), Maybe(ValidMoney(true)), Maybe(ValidDate),
            (source, parties, summary, amount, valuation, occurredOn) => (JsonTree)Obj(
                ("source", source), ("parties", parties), ("summary", summary), ("amount", amount), ("valuation", valuation),
                ("occurredOn", occurredOn))),
        CommandRoute.ProposeTerms => Gen.Select(
            ValidMoney(false), ValidSource, Maybe(ValidMoney(true)), Maybe(ValidStakePercent), Maybe(PlainText), Maybe(PlainText),
            Maybe(PlainText), Maybe(PlainText), Maybe(ValidDate),
            (amount, source, valuation, stake, instrument, governance, commitments, summary, occurredOn) => (JsonTree)Obj(
                ("amount", amount), ("source", source), ("valuation", valuation), ("stakePercent", stake), ("instrument", instrument),
                ("governance", governance), ("commitments", commitments), ("summary", summary), ("occurredOn", occurredOn))),
        CommandRoute.ReviseStake => Gen.Select(
            PlainText, ValidSource, Gen.Int[1, 3], ValidMoney(false), ValidStakePercent, Maybe(ValidDate),
            (reason, source, which, amount, stake, occurredOn) => (JsonTree)Obj(
                ("reason", reason), ("source", source), ("amount", which != 2 ? amount : null), ("stakePercent", which != 1 ? stake : null),
                ("occurredOn", occurredOn))),
        CommandRoute.CloseDeal => Gen.Select(
            ValidSource, Maybe(ValidMoney(false)), Maybe(ValidDate), Maybe(PlainText), Maybe(ValidDate),
            (source, finalAmount, closedOn, summary, occurredOn) => (JsonTree)Obj(
                ("source", source), ("finalAmount", finalAmount), ("closedOn", closedOn), ("summary", summary), ("occurredOn", occurredOn))),
        CommandRoute.AbandonDeal => Gen.Select(
            PlainText, ValidSource, Maybe(ValidDate),
            (reason, source, occurredOn) => (JsonTree)Obj(("reason", reason), ("source", source), ("occurredOn", occurredOn))),
        CommandRoute.CorrectRecording => Gen.Select(ExistingVersion, PlainText, CorrectableMembers, (version, reason, members) =>
            (JsonTree)new JsonMembers([
                new JsonMember("correctsVersion", Num(version)), new JsonMember("reason", reason),
                .. members.Where(m => version != 2 ? m.Name is not ("stakePercent" or "instrument") : m.Name is not ("title" or "kind" or "parties"))
                    .Where(m => version == 1 || m.Name is not ("title" or "kind")),
            ])),
        CommandRoute.RetractReport => Gen.Select(
            ExistingVersion, PlainText, ValidSource, Maybe(ValidDate),
            (version, reason, source, occurredOn) => (JsonTree)Obj(
                ("retractsVersion", Num(version)), ("reason", reason), ("source", source), ("occurredOn", occurredOn))),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };

    /// <summary>Members a correction may give; the body keeps those the corrected event has (at least one, the summary).</summary>
    private static readonly Gen<JsonMember[]> CorrectableMembers = Gen.Select(
        PlainText, Maybe(ValidSource), Maybe(ValidDate), Maybe(PlainText), Maybe(ValidKind), Maybe(ValidMoney(false)), Maybe(ValidStakePercent),
        Maybe(PlainText),
        (summary, source, occurredOn, title, kind, amount, stake, instrument) => Obj(
            ("summary", summary), ("source", source), ("occurredOn", occurredOn), ("title", title), ("kind", kind), ("amount", amount),
            ("stakePercent", stake), ("instrument", instrument)).Members.ToArray());
}
