using Negotiations.Tests.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Infrastructure;

public class RecordingMetadataApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<(string Echoed, System.Text.Json.JsonElement Event)> ReportWith(params (string Name, string Value)[] headers)
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
        var id = (await result.Json()).GetProperty("id").GetGuid();
        var history = await Host.GetJson($"/api/deals/{id}/history");
        return (result.Context.Response.Headers["X-Correlation-Id"].ToString(), history.GetProperty("events")[0]);
    }

    [Fact]
    public async Task a_clients_correlation_id_is_recorded_with_the_events_and_echoed()
    {
        var (echoed, recorded) = await ReportWith(("X-Correlation-Id", "desk-42"), ("X-Causation-Id", "alert-7"));

        Assert.Equal("desk-42", echoed);
        Assert.Equal("desk-42", recorded.GetProperty("correlationId").GetString());
        Assert.Equal("alert-7", recorded.GetProperty("causationId").GetString());
    }

    [Fact]
    public async Task the_trace_id_of_a_w3c_traceparent_becomes_the_correlation_id()
    {
        var (echoed, recorded) = await ReportWith(("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", echoed);
        Assert.Equal(echoed, recorded.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task without_either_a_correlation_id_is_generated_recorded_and_echoed()
    {
        var (echoed, recorded) = await ReportWith();

        Assert.Matches("^[0-9a-f]{32}$", echoed);
        Assert.Equal(echoed, recorded.GetProperty("correlationId").GetString());
        Assert.Equal("anonymous", recorded.GetProperty("recordedBy").GetString());
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
