using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

public class TelemetryApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task without_an_otlp_endpoint_there_is_no_telemetry_and_with_one_traces_and_metrics_are_on()
    {
        Assert.Null(Host.Services.GetService<TracerProvider>());
        Assert.Null(Host.Services.GetService<MeterProvider>());

        await using var exporting = await ApiFixture.StartHostAsync(Fixture.ConnectionString, "Development",
            new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317" });

        Assert.NotNull(exporting.Services.GetService<TracerProvider>());
        Assert.NotNull(exporting.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task the_request_span_carries_the_correlation_id()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await Host.Scenario(s =>
        {
            s.Get.Url("/api/deals");
            s.WithRequestHeader("X-Correlation-Id", "desk-42");
        });

        // The hosting activity stops after the response is handed back, so it may come a moment after the scenario ends.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Tagged() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(Tagged(), "No request span carried the correlation id.");

        bool Tagged()
        {
            lock (spans)
            {
                return spans.Any(span => span.GetTagItem(Telemetry.CorrelationTag) as string == "desk-42");
            }
        }
    }
}
