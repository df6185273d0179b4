using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Negotiations.Deals.GettingClaims;
using Negotiations.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

public class CsvTests
{
    [Fact]
    public void plain_fields_are_written_as_they_are_with_a_header_row_and_crlf_after_every_record()
    {
        var csv = Csv.Write(["version", "type"], [["1", "talks_reported"], ["2", ""]]);

        Assert.Equal("version,type\r\n1,talks_reported\r\n2,\r\n", csv);
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"up to\"", "\"say \"\"up to\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData(" spaces stay ", " spaces stay ")]
    [InlineData("≥ $10B", "≥ $10B")]
    public void a_field_holding_a_comma_quote_cr_or_lf_is_quoted_with_its_quotes_doubled(string value, string written)
    {
        Assert.Equal($"h\r\n{written}\r\n", Csv.Write(["h"], [[value]]));
    }

    [Fact]
    public void what_is_written_reads_back_identically_with_a_csv_parser()
    {
        string[][] rows = [["1", "Reuters, \"Exclusive\"\r\nLondon", ""], ["2", "{\"a\":\"b,c\"}", "\n"]];

        var csv = Csv.Write(["version", "publication", "note"], rows);

        Assert.Equal([["version", "publication", "note"], .. rows], CsvReading.Parse(csv));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tindented")]
    [InlineData("\rreturn")]
    public void a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text_with_a_leading_apostrophe(string value)
    {
        var csv = Csv.Write(["h"], [[value], ["plain"]]);

        Assert.Equal([["h"], ["'" + value], ["plain"]], CsvReading.Parse(csv));
    }

    [Fact]
    public void a_row_wider_or_narrower_than_the_header_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Csv.Write(["a", "b"], [["1"]]));
    }

    [Theory]
    [InlineData("\"text, as is\"", "text, as is")]
    [InlineData("null", "")]
    [InlineData("50000000000", "50000000000")]
    [InlineData("7.5", "7.5")]
    [InlineData("true", "true")]
    [InlineData("[3,5]", "[3,5]")]
    [InlineData("{\"value\":1,\"currency\":\"USD\"}", "{\"value\":1,\"currency\":\"USD\"}")]
    public void a_json_value_becomes_the_cell_that_says_the_same(string json, string cell)
    {
        Assert.Equal(cell, Csv.Cell(JsonDocument.Parse(json).RootElement));
    }

    [Theory]
    [InlineData("", null, false)]
    [InlineData("?format=csv", null, true)]
    [InlineData("?format=CSV", null, true)]
    [InlineData("?format=json", "text/csv", false)]
    [InlineData("", "text/csv", true)]
    [InlineData("", "application/json, text/csv;q=0.5", true)]
    [InlineData("", "text/csv;q=0", false)]
    [InlineData("", "application/json", false)]
    [InlineData("", "*/*", false)]
    public void csv_is_chosen_by_the_format_parameter_first_and_otherwise_by_accept(string query, string? accept, bool csv)
    {
        var request = Request(query, accept);
        var errors = new ValidationErrors();
        var format = QueryParameters.Bind<ClaimsQuery>(request.Query, errors)?.Format;

        Assert.True(errors.IsEmpty);
        Assert.Equal(csv, Csv.Requested(request, format));
    }

    [Theory]
    [InlineData("?format=xml")]
    [InlineData("?format=")]
    public void any_other_format_is_an_error_naming_format(string query)
    {
        var errors = new ValidationErrors();

        Assert.Null(QueryParameters.Bind<ClaimsQuery>(Request(query, "text/csv").Query, errors));

        Assert.Equal(["format"], errors.Errors.Keys);
    }

    private static HttpRequest Request(string query, string? accept)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        return context.Request;
    }
}
