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
}
