using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;
using Weasel.Core;

namespace Negotiations.Infrastructure;

/// <summary>The platform every module runs on: Marten and Wolverine on one PostgreSQL, JSON, errors, health, OpenAPI.</summary>
public static class ServiceSetup
{
    public const string SchemaName = "negotiations";
    public static readonly TimeSpan IdempotencyRetention = TimeSpan.FromHours(24);

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder, string connectionString, IReadOnlyList<IServiceModule> modules)
    {
        Logs.Configure(builder);
        Telemetry.Add(builder);
        ProblemResponses.Add(builder.Services);
        builder.Services.AddOpenApi(ApiDocument.Name, ApiDocument.Configure);
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        builder.Services.AddNpgsqlDataSource(DatabaseOutage.Bounded(connectionString));
        builder.Services.AddSingleton<DatabaseOutage>();
        HealthChecks.Add(builder.Services);
        // The body reader enforces the exact limit (the same with or without Content-Length); Kestrel's, a little above,
        // stops bodies no route reads. Kestrel counts a chunked body so that one of exactly the limit was refused.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBodyBytes + (64 * 1024));

        builder.Services.CritterStackDefaults(x =>
        {
            // Development compiles handlers at run time (Roslyn, ~2 s at start); every other environment loads the code
            // the build generated and compiled in (Negotiations.csproj, GenerateHandlerCode), and refuses to start if an
            // endpoint has none, rather than answering 404.
            x.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
            x.Production.GeneratedCodeMode = TypeLoadMode.Static;
            x.Production.AssertAllPreGeneratedTypesExist = true;
            x.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
        });

        var store = builder.Services.AddMarten(options =>
            {
                options.DatabaseSchemaName = SchemaName;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.HeadersEnabled = true;
                foreach (var module in modules)
                {
                    module.ConfigureMarten(options);
                }
            })
            .UseNpgsqlDataSource()
            // Every table and function at start, not lazily on first use: a database the service just created is then
            // complete (`resources check` passes), and missing rights show at start rather than on some later request.
            .ApplyAllDatabaseChangesOnStartup()
            .UseLightweightSessions()
            // Async views run as Wolverine agents: on one node alone, or spread over several nodes on one database, each
            // view on exactly one node, moved to another when its node stops answering (see Nodes).
            .IntegrateWithWolverine(wolverine => wolverine.UseWolverineManagedEventSubscriptionDistribution = true);
        foreach (var module in modules)
        {
            module.ConfigureStore(store);
        }

        builder.Services.AddHttpContextAccessor();
        // The clock any module's handler or page may ask for (commands take their time from it, never from DateTime.UtcNow).
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IConfigureMarten, AsyncViews.Registration>();

        builder.Host.UseWolverine(options =>
        {
            // Without this Wolverine scans the entry assembly, which under a test host is the test project.
            options.ApplicationAssembly = typeof(ServiceSetup).Assembly;
            options.Policies.AutoApplyTransactions();
            options.EntityDefaults.OnMissing = OnMissing.ProblemDetailsWith404;
            // Idempotency-Key answers are kept (in PostgreSQL, table wolverine_deduplicated_responses) for 24 hours.
            options.Durability.EnableDeduplicatedResponses = true;
            options.Durability.DeduplicationWindow = IdempotencyRetention;
            Nodes.Configure(options.Durability, builder.Configuration);
            foreach (var module in modules)
            {
                module.ConfigureWolverine(options, builder.Configuration);
            }
        });
        builder.Services.AddWolverineHttp();
        foreach (var module in modules)
        {
            module.AddServices(builder);
        }

        // After every module's additions to the document.
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(ApiDocument.Name, ApiDocument.Finish);

        OutageLogFilter.Install(builder.Services);
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app, IReadOnlyList<IServiceModule> modules)
    {
        Logs.Started(app);
        app.Use(SecurityHeaders.Add);
        app.Use(Correlation.EchoCorrelationId);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(DatabaseOutage.AnswerWhileDown);
        app.Use(HeadRequests.AnswerAsGet);
        app.UseRouting();
        foreach (var module in modules)
        {
            module.UsePipeline(app);
        }

        app.Use(RouteIdMetadata.CheckRouteId);
        HealthChecks.Map(app);
        ApiDocument.Map(app);

        app.MapWolverineEndpoints(http =>
        {
            http.AddParameterHandlingStrategy(new JsonBody.Strategy());
            http.AddMiddleware(typeof(Correlation), chain => chain.HttpMethods.Contains("POST"));
            foreach (var module in modules)
            {
                module.ConfigureHttp(http);
            }
        });
        return app;
    }
}
