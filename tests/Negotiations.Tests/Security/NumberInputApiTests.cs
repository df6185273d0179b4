using Negotiations.Tests.Infrastructure;
using Xunit;
using Negotiations.Tests.Deals.ListingDeals;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Security;

/// <summary>A number is stored as sent or refused: never silently rounded to what a decimal holds.</summary>
public class NumberInputApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static string Body(string amount) => $$$"""
        {"title":"Amazon invests in OpenAI","kind":"Investment",
         "parties":[{"name":"Amazon","role":"Investor"},{"name":"OpenAI","role":"Target"}],
         "amount":{{{amount}}},
         "source":{"publication":"The Information","publishedOn":"2025-12-16"}}
        """;

    [Theory]
    [InlineData("""{"value":10000000000.0000000000000000001,"currency":"USD"}""", "amount.value")]
    [InlineData("""{"value":1.00000000000000000000000000001,"currency":"USD"}""", "amount.value")]
    [InlineData("""{"value":123456789012345.123456789012345678,"currency":"USD"}""", "amount.value")]
    [InlineData("""{"value":1,"high":2.000000000000000000000000000001,"currency":"USD","qualifier":"Between"}""", "amount.high")]
    public async Task a_number_with_more_digits_than_a_decimal_holds_is_a_400_naming_the_member(string amount, string member)
    {
        var problem = await Problem.ReadAsync(await Host.PostRaw("/api/deals", Body(amount), 400));

        problem.ShouldBe(400, member);
        Assert.Contains("more digits than a decimal holds", Assert.Single(problem.Errors![member]), StringComparison.Ordinal);
        Assert.Equal(0, (await Fixture.ListDeals("/api/deals")).Total);
    }

    [Theory]
    [InlineData("10000000000", "10000000000")]
    [InlineData("1E+10", "10000000000")]
    [InlineData("1.5e10", "15000000000")]
    [InlineData("10000000000.000", "10000000000.000")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("12345678901234.56789012345678", "12345678901234.56789012345678")]
    public async Task a_number_a_decimal_holds_exactly_is_accepted_in_any_spelling(string value, string stored)
    {
        var result = await Host.PostRaw("/api/deals", Body($$"""{"value":{{value}},"currency":"USD"}"""), 201);
        var id = (await result.ReadAs<Negotiations.Deals.DealOpened>()).Id;

        var deal = await Host.GetAs<Negotiations.Deals.Deal>($"/api/deals/{id}");

        Assert.Equal(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), deal.Amount!.Value);
    }
}
