using Negotiations.Deals.GettingHistory;
using Negotiations.Tests.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Infrastructure;

public class QueryAndExportApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("?party=a%00b", "'party' must not contain the NUL character (U+0000).")]
    [InlineData("?party=Amazon&party=OpenAI", "'party' may be given only once.")]
    [InlineData("?page=1&page=2", "'page' may be given only once.")]
    public async Task a_nul_character_or_a_repeated_parameter_is_a_400_naming_it(string query, string message)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/deals" + query);
            s.StatusCodeShouldBe(400);
        });

        TestJson.AssertSame(Problem.Invalid((message.Split('\'')[1], message)), await Problem.ReadAsync(result));
    }

    [Fact]
    public async Task an_export_cell_a_spreadsheet_would_run_gets_a_leading_apostrophe_while_the_json_keeps_the_value()
    {
        const string formula = "=HYPERLINK(\"http://attacker.example\",\"click\")";
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(NewDeal()).ToUrl("/api/deals");
            s.WithRequestHeader("X-Causation-Id", formula);
            s.StatusCodeShouldBe(201);
        });
        var id = (await result.ReadAs<Negotiations.Deals.DealOpened>()).Id;

        Assert.Equal(formula, Assert.Single((await Host.GetHistory(id)).Events).CausationId);
        var (_, rows) = await Host.GetCsv($"/api/deals/{id}/history?format=csv");
        Assert.Equal("'" + formula, rows[1][Array.IndexOf(GetDealHistoryEndpoint.CsvColumns, "causationId")]);
    }
}
