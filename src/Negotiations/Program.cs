using JasperFx;
using Negotiations.Alerts;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Negotiations.Intake;
using Negotiations.Operations;
using Negotiations.Parties;
using Negotiations.Rounds;
using Negotiations.Security;
using Negotiations.Sources;
using Negotiations.TamperEvidence;
using Negotiations.Web;

// The service's capabilities, each a folder that owns its events, views, endpoints, rules and registration.
IServiceModule[] modules =
[
    new SecurityModule(),       // API keys, roles, write limits, who recorded what
    new DealsModule(),          // deal streams: report, propose, revise, close, abandon, correct, retract; status, history, claims, diff
    new TamperEvidenceModule(), // a hash chain over every event; verification and chain heads
    new OperationsModule(),     // the async views' progress and online rebuilds
    new PartiesModule(),        // parties across deals: aliases, relations, merges; exposure and conflicts (async views)
    new RoundsModule(),         // funding rounds: round streams, the rounds' async view, the round book
    new SourcesModule(),        // publications' track record across deals: claims confirmed, contradicted, corrected, retracted
    new IntakeModule(),         // from article to record: archived documents, candidates read from them, their review
    new AlertsModule(),         // the change feed, watches, alerts, signed webhooks (durable, retried), Atom feeds
    new WebModule(),            // the dashboard: deal list and deal pages, recording forms, sign-in by API key
];

var command = CommandLine.Read(args);
if (command.IsOwnHelp)
{
    CommandLine.WriteHelp(Console.Out);
    return CommandLine.Ok;
}

if (command.UsageError() is { } usage)
{
    await Console.Error.WriteLineAsync(usage);
    return CommandLine.Usage;
}

var builder = WebApplication.CreateBuilder(command.Arguments);
LocalPostgres? localPostgres = null;
string? connectionString = null;
try
{
    (connectionString, localPostgres) = command.NeedsDatabase
        ? await Database.ResolveAsync(builder.Configuration)
        : (Database.Unopened(builder.Configuration), null);
    builder.AddPlatform(connectionString, modules);
    if (command.Verb == "describe")
    {
        ConfigurationSecrets.HideFromDisplay(builder.Configuration);
    }

    var app = builder.Build();
    app.UsePlatform(modules);
    if (command.RunsService)
    {
        await app.RunAsync();
        return CommandLine.Ok;
    }

    CommandLine.QuietJasperFx();
    var exitCode = await app.RunJasperFxCommands(command.Arguments);
    return CommandLine.UsageRefused ? CommandLine.Usage : exitCode;
}
catch (Exception e) when (e is not HostAbortedException)
{
    // One line for the operator; a stack trace only for what is not a known condition (a defect to report). Caught here
    // also so that the finally below stops a private PostgreSQL instead of leaving it running.
    await Console.Error.WriteLineAsync(CommandLine.FailureLine(e, connectionString));
    if (!CommandLine.IsKnownCondition(e))
    {
        await Console.Error.WriteLineAsync(e.ToString());
    }

    return CommandLine.Failure;
}
finally
{
    if (localPostgres is { StartedHere: true })
    {
        await localPostgres.StopAsync();
    }
}

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
