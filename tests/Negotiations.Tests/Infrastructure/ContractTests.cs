using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Negotiations.Tests.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Infrastructure;

/// <summary>The contract check itself: it refuses what the document does not say, and every operation is exercised.</summary>
public class ContractTests(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<(string Document, string Deal)> DocumentAndDeal()
    {
        var id = (await Host.ReportNewDeal()).Id;
        var deal = await (await Host.Scenario(s => s.Get.Url($"/api/deals/{id}"))).ReadAsTextAsync();
        return (await (await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync(), deal);
    }

    private static DefaultHttpContext Answer(string route, string method, int status, string body, params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse(route), 0, EndpointMetadataCollection.Empty, route));
        context.Request.Method = method;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        return context;
    }

    [Fact]
    public async Task an_answer_the_document_does_not_describe_fails_the_check()
    {
        var (document, deal) = await DocumentAndDeal();
        var contract = new Contract(document);
        await contract.CheckAsync(Answer("/api/deals/{id}", "GET", 200, deal, ("ETag", "\"1\"")));

        var withoutInTalks = JsonNode.Parse(document)!;
        withoutInTalks["components"]!["schemas"]!["DealStatus"]!["enum"]!.AsArray().RemoveAt(0);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new Contract(withoutInTalks.ToJsonString()).CheckAsync(Answer("/api/deals/{id}", "GET", 200, deal, ("ETag", "\"1\""))));
        await Assert.ThrowsAsync<InvalidOperationException>(() => contract.CheckAsync(Answer("/api/deals/{id}", "GET", 418, deal)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => contract.CheckAsync(Answer("/api/deals/{id}", "GET", 200, deal, ("X-Next-From-Version", "2"))));
        await Assert.ThrowsAsync<InvalidOperationException>(() => contract.CheckAsync(Answer("/api/deals/{id}", "GET", 200, """{"id":1}""")));
    }

    [Fact]
    public async Task every_operation_of_the_document_is_exercised_and_answers_as_documented()
    {
        var id = (await Host.ReportNewDeal()).Id;
        var document = JsonNode.Parse(await (await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync())!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Method: op.Key, Route: path.Key)))
            .Where(op => op.Route.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();

        foreach (var (method, route) in operations)
        {
            var url = route.Replace("{id}", id.ToString(), StringComparison.Ordinal);
            // An empty command is a 400 on every write route: each still answers as the document says.
            await Host.Scenario(s =>
            {
                if (method == "post")
                {
                    s.Post.Json(new { }).ToUrl(url);
                }
                else if (method == "delete")
                {
                    s.Delete.Url(url);
                }
                else
                {
                    s.Get.Url(url + (route.EndsWith("/diff", StringComparison.Ordinal) ? "?from=1&to=1" : ""));
                }

                s.IgnoreStatusCode();
            });
        }

        Assert.All(operations, op => Assert.True(Contract.Operations.ContainsKey($"{op.Method} {op.Route}"), $"{op.Method} {op.Route} was not checked"));
    }
}
