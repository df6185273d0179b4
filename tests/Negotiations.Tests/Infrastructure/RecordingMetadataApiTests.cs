using Negotiations.Deals;
using Negotiations.Deals.GettingHistory;
using Negotiations.Tests.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.Infrastructure;

public class RecordingMetadataApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<(string Echoed, HistoryEntry Event)> ReportWith(params (string Name, string Value)[] headers)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(NewDeal()).ToUrl("/api/deals");
            foreach (var (name, value) in headers)
            {
                s.WithRequestHeader(name, value);
            }

            s.StatusCodeShouldBe(201);
        });
        var id = (await result.ReadAs<DealOpened>()).Id;
        var history = await Host.GetHistory(id);
        return (result.Context.Response.Headers["X-Correlation-Id"].ToString(), Assert.Single(history.Events));
    }

    [Fact]
    public async Task a_clients_correlation_id_is_recorded_with_the_events_and_echoed()
    {
        var (echoed, recorded) = await ReportWith(("X-Correlation-Id", "desk-42"), ("X-Causation-Id", "alert-7"));

        Assert.Equal("desk-42", echoed);
        AssertSame(Expected.Entry(recorded, 1, "talks_reported", Expected.Opening()) with { CorrelationId = "desk-42", CausationId = "alert-7" }, recorded);
    }

    [Fact]
    public async Task the_trace_id_of_a_w3c_traceparent_becomes_the_correlation_id()
    {
        var (echoed, recorded) = await ReportWith(("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", echoed);
        AssertSame(Expected.Entry(recorded, 1, "talks_reported", Expected.Opening()) with { CorrelationId = echoed }, recorded);
    }

    [Fact]
    public async Task without_either_a_correlation_id_is_generated_recorded_and_echoed()
    {
        var (echoed, recorded) = await ReportWith();

        Assert.Matches("^[0-9a-f]{32}$", echoed);
        AssertSame(Expected.Entry(recorded, 1, "talks_reported", Expected.Opening(), recordedBy: "anonymous") with { CorrelationId = echoed }, recorded);
    }

    [Fact]
    public async Task an_error_answer_carries_the_correlation_id_too()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { }).ToUrl($"/api/deals/{UnknownDealId}/terms");
            s.WithRequestHeader("X-Correlation-Id", "failing-call");
            s.StatusCodeShouldBe(400);
        });

        Assert.Equal("failing-call", result.Context.Response.Headers["X-Correlation-Id"].ToString());
    }
}
