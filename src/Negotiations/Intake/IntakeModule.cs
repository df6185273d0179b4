using Marten;
using Negotiations.Infrastructure;
using Negotiations.Intake.Extraction;
using Negotiations.Intake.Feeds;
using Negotiations.Intake.Fetching;
using Wolverine.Http;

namespace Negotiations.Intake;

/// <summary>
/// From article to record: documents archived once (by the hash of their text), candidates read from them by the rules
/// extractor, and their review, which records an accepted candidate through the deal command's own pipeline.
/// </summary>
public sealed class IntakeModule : IServiceModule
{
    private static readonly CapabilityTag Tag = new("Intake");
    private static readonly RouteIdMetadata DocumentId = new("document", IntakeProblems.UnknownDocument);
    private static readonly RouteIdMetadata CandidateId = new("candidate", IntakeProblems.UnknownCandidate);

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ICandidateExtractor, RuleExtractor>();
        var allowPrivate = builder.Configuration.GetValue<bool>(PageFetcher.AllowPrivateNetworksSetting);
        builder.Services.AddSingleton(new PageFetcher(PageFetcher.CreateClient(allowPrivate), allowPrivate));
        builder.Services.AddHostedService<FeedPolling>();
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(ApiDocument.Name, options =>
            ApiDocument.AddTag(options, Tag.Name, "From article to record: archived documents, the candidates read from them, and their review."));
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Schema.For<IntakeDocument>().UniqueIndex(d => d.Sha256).Index(d => d.PublishedOn);
        options.Schema.For<IntakeCandidate>().Index(c => c.DocumentId).UseOptimisticConcurrency(true);
        options.Schema.For<IntakeFeed>().UniqueIndex(f => f.Url);
    }

    public void ConfigureHttp(WolverineHttpOptions http) => http.ConfigureEndpoints(chain =>
    {
        if (chain.Method.HandlerType.Namespace?.StartsWith(typeof(IntakeModule).Namespace!, StringComparison.Ordinal) != true)
        {
            return;
        }

        chain.Metadata.WithMetadata(Tag);
        var route = chain.RoutePattern?.RawText ?? "";
        if (route.StartsWith("/api/intake/documents/{id}", StringComparison.Ordinal))
        {
            chain.Metadata.WithMetadata(DocumentId);
        }
        else if (route.StartsWith("/api/intake/candidates/{id}", StringComparison.Ordinal))
        {
            chain.Metadata.WithMetadata(CandidateId);
        }

    });
}
