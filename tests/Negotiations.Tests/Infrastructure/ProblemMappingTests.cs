using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Negotiations.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

public class ProblemMappingTests
{
    [Fact]
    public void an_unexpected_error_becomes_a_500_that_shows_no_exception_text_sql_or_stack()
    {
        var failure = new InvalidOperationException("select secret from negotiations.mt_events where password = 'x'");

        var problem = ProblemMapping.Map(failure);

        Assert.Equal(500, problem.Status);
        var shown = $"{problem.Title} {problem.Detail} {string.Join(' ', problem.Extensions.Values)}";
        Assert.DoesNotContain("select", shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(nameof(InvalidOperationException), shown, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void a_json_error_names_the_member_by_its_json_path()
    {
        var problem = ProblemMapping.FromJson(new System.Text.Json.JsonException("The JSON value could not be converted to X. Path: $.source.attribution", "$.source.attribution", 0, 10));

        var validation = Assert.IsType<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(problem);
        Assert.Equal(["source.attribution"], validation.Errors.Keys);
    }

    [Fact]
    public async Task a_500_is_logged_with_the_trace_id_its_answer_carries()
    {
        var log = new CapturedLog();
        await using var services = new ServiceCollection().AddLogging(l => l.AddProvider(log)).AddProblemDetails().BuildServiceProvider();
        var mapping = ActivatorUtilities.CreateInstance<ProblemMapping>(services);
        var context = new DefaultHttpContext { RequestServices = services, TraceIdentifier = "0HN-request-7" };
        context.Response.Body = new MemoryStream();

        Assert.True(await mapping.TryHandleAsync(context, new InvalidOperationException("boom"), CancellationToken.None));

        context.Response.Body.Position = 0;
        var traceId = JsonDocument.Parse(context.Response.Body).RootElement.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.Contains(log.Lines, line => line.Contains(traceId!, StringComparison.Ordinal));
    }

    private sealed class CapturedLog : ILoggerProvider, ILogger
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
