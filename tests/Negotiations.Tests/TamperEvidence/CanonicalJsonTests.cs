using System.Text.Json;
using Negotiations.TamperEvidence;
using Xunit;

namespace Negotiations.Tests.TamperEvidence;

public class CanonicalJsonTests
{
    [Fact]
    public void member_order_and_whitespace_do_not_change_the_canonical_text()
    {
        var written = CanonicalJson.From("""{ "b": 1, "a": { "d": [1, 2], "c": "x" } }""");
        var reordered = CanonicalJson.From("""{"a":{"c":"x","d":[1,2]},"b":1}""");

        Assert.Equal("""{"a":{"c":"x","d":[1,2]},"b":1}""", written);
        Assert.Equal(written, reordered);
    }

    [Fact]
    public void members_are_sorted_ordinally()
    {
        Assert.Equal("""{"B":0,"a":0,"aa":0,"b":0}""", CanonicalJson.From("""{"b":0,"aa":0,"B":0,"a":0}"""));
    }

    [Theory]
    [InlineData("1500", "1500")]
    [InlineData("1.5e3", "1500")]
    [InlineData("2E+2", "200")]
    [InlineData("1.50", "1.50")]
    [InlineData("1.50E1", "15.0")]
    [InlineData("1e-3", "0.001")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0.0")]
    [InlineData("50000000000", "50000000000")]
    public void numbers_take_the_text_form_postgresql_numeric_gives_back(string json, string canonical)
    {
        Assert.Equal(canonical, CanonicalJson.From(json));
    }

    [Fact]
    public void strings_escape_only_quotes_backslashes_and_control_characters()
    {
        Assert.Equal("\"é/\\\"\\\\\\n\\t\\u0001€<>\"", CanonicalJson.From("\"\\u00e9\\/\\\"\\\\\\n\\t\\u0001\\u20ac<>\""));
    }

    [Fact]
    public void true_false_and_null_stay_as_they_are()
    {
        Assert.Equal("""[true,false,null]""", CanonicalJson.From("[ true, false, null ]"));
    }

    [Fact]
    public void duplicate_member_names_are_refused()
    {
        Assert.ThrowsAny<JsonException>(() => CanonicalJson.From("""{"a":1,"a":2}"""));
    }
}
