using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Negotiations.Deals.ProposingTerms;
using Negotiations.Deals.ReportingTalks;
using Negotiations.Web.Recording;
using Xunit;

namespace Negotiations.Tests.Web;

/// <summary>A command record as a form, and a submitted form back as the command's JSON for the API's own reader.</summary>
public class FormShapeTests
{
    private static FormCollection Form(params (string Name, string Value)[] fields) =>
        new(fields.ToDictionary(f => f.Name, f => new StringValues(f.Value)));

    [Fact]
    public void the_form_of_a_command_is_read_off_its_record()
    {
        var fields = FormShape.Of(typeof(ReportNewDeal)).ToDictionary(f => f.Name);

        Assert.Equal((FieldKind.Text, true), (fields["title"].Kind, fields["title"].Required));
        Assert.Equal(FieldKind.Choice, fields["kind"].Kind);
        Assert.Contains("Investment", fields["kind"].Choices);
        Assert.Equal((FieldKind.List, true), (fields["parties"].Kind, fields["parties"].Required));
        Assert.Equal((FieldKind.Group, false), (fields["amount"].Kind, fields["amount"].Required));
        Assert.Equal(FieldKind.Date, fields["occurredOn"].Kind);
        Assert.Equal(FieldKind.LongText, fields["summary"].Kind);
        Assert.Equal("Exact", fields["amount"].Members.Single(m => m.Name == "qualifier").Default);
        Assert.Equal("Published on", FormShape.Label("publishedOn"));
        Assert.Equal(["publication", "publishedOn", "attribution", "url", "relays"], fields["source"].Members.Select(m => m.Name));
    }

    [Fact]
    public void blank_fields_and_untouched_groups_are_left_out_and_numbers_are_json_numbers()
    {
        var json = FormShape.ToJson(FormShape.Of(typeof(ProposeTerms)), Form(
            ("amount.value", "50,000,000,000"), ("amount.currency", "USD"), ("amount.qualifier", "UpTo"), ("amount.high", ""),
            ("valuation.value", ""), ("valuation.currency", "USD"), ("valuation.qualifier", "Exact"), ("valuation.basis", "Unknown"),
            ("source.publication", "Wall Street Journal"), ("source.publishedOn", "2026-01-29"), ("source.attribution", "AnonymousSource"),
            ("summary", ""), ("expectedVersion", "3")));

        Assert.Equal(
            """{"source":{"publication":"Wall Street Journal","publishedOn":"2026-01-29","attribution":"AnonymousSource"},"amount":{"value":50000000000,"currency":"USD","qualifier":"UpTo"},"expectedVersion":3}""",
            json.ToJsonString());
    }

    [Fact]
    public void a_number_that_is_not_one_is_sent_as_typed_for_the_api_to_refuse()
    {
        var json = FormShape.ToJson(FormShape.Of(typeof(ProposeTerms)), Form(("amount.value", "$50B")));

        Assert.Equal("""{"amount":{"value":"$50B"}}""", json.ToJsonString());
    }

    [Fact]
    public void list_rows_are_sent_only_when_something_was_typed_in_them()
    {
        var json = FormShape.ToJson(FormShape.Of(typeof(ReportNewDeal)), Form(
            ("parties[0].name", "Amazon"), ("parties[0].role", "Investor"), ("parties[1].name", ""), ("parties[1].role", "Target"),
            ("parties[2].name", "OpenAI"), ("parties[2].role", "Target")));

        Assert.Equal("""{"parties":[{"name":"Amazon","role":"Investor"},{"name":"OpenAI","role":"Target"}]}""", json.ToJsonString());
    }

    [Fact]
    public void every_deal_command_of_the_api_has_a_form()
    {
        Assert.Equal(typeof(ReportNewDeal), Assert.Single(RecordingCommand.All, c => c.OpensDeal).Type);
        Assert.Equal(
            ["talks", "terms", "stake", "close", "abandon", "corrections", "retractions", "agreement", "reviews", "reviews/conclusion",
             "tranches/funded", "complete", "questions", "answers", "responses", "round", "round/leave", "withdrawals"],
            RecordingCommand.OnDeal.Select(c => c.Route));
    }
}
