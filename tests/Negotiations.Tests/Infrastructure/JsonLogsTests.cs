using System.Net;
using System.Text.Json;
using Npgsql;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

/// <summary>
/// Logs as JSON lines by one setting (Logging__Console__FormatterName=json), each error line carrying, as fields a log
/// shipper indexes, the trace id of the answer the user got.
/// </summary>
public class JsonLogsTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task with_json_logs_a_500s_error_line_carries_the_answers_trace_id_as_a_field()
    {
        // A database of its own, broken on purpose once the service runs on it: a missing table is a 500 (not an outage).
        var name = $"negotiations_logs_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Pooling = false }.ConnectionString;
        var own = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Database = name, Pooling = false }.ConnectionString;
        await ExecuteAsync(admin, $"create database {name}");
        try
        {
            await using (var service = ServiceProcess.Start(new Dictionary<string, string>
            {
                ["ConnectionStrings__Negotiations"] = own,
                ["Logging__Console__FormatterName"] = "json",
            }))
            {
                await service.WaitUntilHealthyAsync(Patience);
                await ExecuteAsync(own, "drop table negotiations.mt_doc_dealsearchentry cascade");

                using var answer = await service.Client.GetAsync(new Uri("/api/deals", UriKind.Relative), TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
                var traceparent = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
                    .RootElement.GetProperty("traceId").GetString()!;
                var traceId = traceparent.Split('-')[1];

                var errors = await ErrorLinesAsync(service);
                Assert.NotEmpty(errors);
                foreach (var error in errors)
                {
                    Assert.True(error.TryGetProperty("Timestamp", out _), $"An error line without a timestamp: {error}");
                    var scopes = error.TryGetProperty("Scopes", out var s) ? s.EnumerateArray().ToList() : [];
                    Assert.True(scopes.Any(scope => scope.TryGetProperty("TraceId", out var id) && id.GetString() == traceId),
                        $"An error line without the answer's trace id {traceId} among its fields: {error}");
                }
            }
        }
        finally
        {
            await ExecuteAsync(admin, $"drop database if exists {name} with (force)");
        }
    }

    /// <summary>The JSON lines of level Error or Critical, once at least one has been written (the console logs in the background).</summary>
    private static async Task<List<JsonElement>> ErrorLinesAsync(ServiceProcess service)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var lines = service.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var errors = lines.Where(l => l.GetProperty("LogLevel").GetString() is "Error" or "Critical").ToList();
            if (errors.Count > 0 || DateTime.UtcNow > deadline)
            {
                Assert.True(lines.Count > 0, $"No JSON log lines:\n{service.Output}");
                return errors;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
