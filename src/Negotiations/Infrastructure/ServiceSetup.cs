using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Negotiations.TamperEvidence;
using Negotiations.Deals;
using Negotiations.Security;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;
using Weasel.Core;

namespace Negotiations.Infrastructure;

public static class ServiceSetup
{
    public const string SchemaName = "negotiations";
    public static readonly TimeSpan IdempotencyRetention = TimeSpan.FromHours(24);

    /// <summary>Marten (event store, projections) and Wolverine (handlers, HTTP endpoints) on one PostgreSQL.</summary>
    public static WebApplicationBuilder AddNegotiations(this WebApplicationBuilder builder, string connectionString)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        builder.Services.AddNpgsqlDataSource(connectionString);
        builder.AddNegotiationsSecurity();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestGuard.MaxBodyBytes);

        builder.Services.CritterStackDefaults(x =>
        {
            // Runtime compilation in every environment: the service runs straight from build or publish output with no
            // pre-generated code to go stale.
            x.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
            x.Production.GeneratedCodeMode = TypeLoadMode.Dynamic;
            x.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
        });

        builder.Services.AddMarten(options =>
            {
                options.DatabaseSchemaName = SchemaName;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.HeadersEnabled = true;
                foreach (var (type, name) in DealEventTypes.Names)
                {
                    options.Events.MapEventType(type, name);
                }

                options.Projections.Add<DealProjection>(ProjectionLifecycle.Inline);
                options.Schema.For<Deal>().Index(x => x.LastActivityOn);
                options.AddEventChain();
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .IntegrateWithWolverine();

        builder.Host.UseWolverine(options =>
        {
            // Without this Wolverine scans the entry assembly, which under a test host is the test project.
            options.ApplicationAssembly = typeof(ServiceSetup).Assembly;
            options.Policies.AutoApplyTransactions();
            options.EntityDefaults.OnMissing = OnMissing.ProblemDetailsWith404;
            // Idempotency-Key answers are kept (in PostgreSQL, table wolverine_deduplicated_responses) for 24 hours.
            options.Durability.EnableDeduplicatedResponses = true;
            options.Durability.DeduplicationWindow = IdempotencyRetention;
        });
        builder.Services.AddWolverineHttp();
        return builder;
    }

    public static WebApplication UseNegotiations(this WebApplication app)
    {
        app.Use(RecordingMetadata.EchoCorrelationId);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseNegotiationsSecurity();
        app.UseMiddleware<RequestGuard>();
        // The API's description: open to anyone in Development, for key holders elsewhere.
        var openApi = app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            openApi.AllowAnonymous();
        }
        else
        {
            openApi.RequireAuthorization(SecuritySetup.ReadPolicy);
        }

        app.MapWolverineEndpoints(http =>
        {
            http.AddMiddleware(typeof(RecordingMetadata), chain => chain.HttpMethods.Contains("POST"));
            http.ConfigureEndpoints(SecuritySetup.Protect);
            http.MapConcurrencyFailuresToConflict(toProblemDetails: _ => Problems.ConcurrentChange());
        });
        return app;
    }
}
