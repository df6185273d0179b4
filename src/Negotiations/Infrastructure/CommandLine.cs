using System.Net.Sockets;
using JasperFx.CommandLine;
using Npgsql;

namespace Negotiations.Infrastructure;

/// <summary>On a module's command: it builds the host but never opens a connection, so it runs without a database.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoDatabaseAttribute : Attribute;

/// <summary>
/// What the command line asks for, decided before anything is built: running the service (no verb, or only options such
/// as <c>--urls</c>), help, or a verb. The service is run here rather than by JasperFx, whose runner answers 0 when the
/// host fails to start with <c>--urls</c> given (it runs the host itself then and discards the failure).
/// Exit codes: <see cref="Ok"/>, <see cref="Failure"/>, <see cref="Usage"/>.
/// </summary>
public sealed class CommandLine
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    /// <summary>
    /// The project's own verbs, listed first by <c>help</c> (the framework's follow): running, help and the OpenAPI
    /// document, then every command a module defines in this assembly (its <c>[Description]</c>, its arguments from its
    /// input's properties), so the platform names none of them.
    /// </summary>
    private static (string Verb, string Does)[] OwnVerbs =>
    [
        ("(none)", "run the service (options: --urls <url>, --environment <name>)"),
        .. ModuleCommandList.Value.Select(command => (command.Usage, command.Does)),
        ("openapi", "write the OpenAPI document (no database needed)"),
        ("help [verb]", "this list, or one verb's arguments (no database needed)"),
    ];

    /// <summary>Verbs that build the host but never open a connection: they run without a database (the build runs codegen).</summary>
    private static string[] WithoutDatabase =>
        ["openapi", "help", "codegen", .. ModuleCommandList.Value.Where(command => command.NoDatabase).Select(command => command.Name)];

    /// <summary>The modules' commands, found by reflection once and only when a verb is given (never on a plain start).</summary>
    private static readonly Lazy<(string Name, string Usage, string Does, bool NoDatabase)[]> ModuleCommandList = new(() => [.. ModuleCommands()]);

    private static readonly string[] HelpWords = ["help", "--help", "-h", "-?", "?", "/?"];

    private CommandLine(string[] arguments, string? verb)
    {
        Arguments = arguments;
        Verb = verb;
    }

    /// <summary>The arguments for the host and JasperFx, without a leading <c>--</c> separator or a <c>run</c> verb.</summary>
    public string[] Arguments { get; }

    /// <summary>The verb, lowercase; null when the service is to run.</summary>
    public string? Verb { get; }

    public bool RunsService => Verb is null;

    /// <summary><c>help</c>, <c>--help</c> alone: the project's own list, with nothing built.</summary>
    public bool IsOwnHelp => Verb == "help" && Arguments.Length <= 1;

    /// <summary>Why the command line cannot be run as given (an unknown verb, missing arguments); null when it can.</summary>
    public string? UsageError()
    {
        if (Verb is null || Verb == "help" || Arguments.Skip(1).Any(HelpWords.Contains))
        {
            return null;
        }

        if (OwnVerbs.FirstOrDefault(v => v.Verb.Split(' ')[0] == Verb) is { Verb: not null } own)
        {
            var required = own.Verb.Split(' ').Count(word => word.StartsWith('<'));
            var given = Arguments.Skip(1).TakeWhile(a => !a.StartsWith('-')).Count();
            return given >= required ? null : $"Usage: {own.Verb}: {own.Does}.";
        }

        return FrameworkVerbs().Contains(Verb) ? null : $"Unknown verb '{Verb}': `help` lists the verbs.";
    }

    /// <summary>A command refusing its arguments: says so in one line and makes the exit code <see cref="Usage"/>.</summary>
    public static bool RefuseUsage(string message)
    {
        Console.Error.WriteLine(message);
        UsageRefused = true;
        return false;
    }

    public static bool UsageRefused { get; private set; }

    public bool NeedsDatabase => Verb is null || !(WithoutDatabase.Contains(Verb) || Arguments.Skip(1).Any(HelpWords.Contains));

    public static CommandLine Read(string[] args)
    {
        var arguments = args.Length > 0 && args[0] == "--" ? args[1..] : args;
        if (arguments.Length == 0 || arguments[0].StartsWith('-') && !HelpWords.Contains(arguments[0]))
        {
            return new CommandLine(arguments, null);
        }

        if (string.Equals(arguments[0], "run", StringComparison.OrdinalIgnoreCase))
        {
            return new CommandLine(arguments[1..], null);
        }

        if (HelpWords.Contains(arguments[0]))
        {
            return new CommandLine(["help", .. arguments[1..]], "help");
        }

        return new CommandLine(arguments, arguments[0].ToLowerInvariant());
    }

    public static void WriteHelp(TextWriter output)
    {
        output.WriteLine("Negotiations: an event-sourced deal tracker. Usage: Negotiations [verb] [arguments] (dotnet run --project src/Negotiations -- …)");
        output.WriteLine();
        var width = OwnVerbs.Max(v => v.Verb.Length) + 2;
        foreach (var (verb, does) in OwnVerbs)
        {
            output.WriteLine($"  {verb.PadRight(width)}{does}");
        }

        output.WriteLine();
        output.WriteLine("Framework verbs (they need the database): " + string.Join(", ", FrameworkVerbs()) + ".");
        output.WriteLine("`help <verb>` shows a verb's arguments.");
        output.WriteLine();
        output.WriteLine($"Exit codes: {Ok} done; {Failure} failed (the reason is printed on one line); {Usage} wrong usage.");
    }

    private static IEnumerable<(string Name, string Usage, string Does, bool NoDatabase)> ModuleCommands() =>
        typeof(CommandLine).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsClass: true } && typeof(IJasperFxCommand).IsAssignableFrom(type))
            .Select(type =>
            {
                var name = CommandFactory.CommandNameFor(type);
                var input = type.BaseType!.GetGenericArguments().Single();
                var arguments = input.GetProperties().Where(p => !p.Name.EndsWith("Flag", StringComparison.Ordinal) && input.Namespace != "JasperFx.CommandLine")
                    .Select(p => $" <{p.Name.ToLowerInvariant()}>");
                var noDatabase = type.GetCustomAttributes(typeof(NoDatabaseAttribute), inherit: false).Length > 0;
                var does = (type.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false).OfType<DescriptionAttribute>().FirstOrDefault()?.Description ?? name)
                    + (noDatabase ? " (no database needed)" : "");
                return (name, name + string.Concat(arguments), does, noDatabase);
            })
            .OrderBy(command => command.name, StringComparer.Ordinal);

    /// <summary>The verbs JasperFx finds in the framework's assemblies, without its "Searching … for commands" lines.</summary>
    private static IEnumerable<string> FrameworkVerbs()
    {
        QuietJasperFx();
        var factory = new CommandFactory();
        factory.RegisterCommandsFromExtensionAssemblies();
        var own = OwnVerbs.Select(v => v.Verb.Split(' ')[0]).ToHashSet();
        return factory.AllCommandTypes().Select(CommandFactory.CommandNameFor).Where(name => !own.Contains(name) && name != "run").Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// JasperFx prints "Searching '…' for commands" for every framework assembly until a command factory has applied its
    /// extensions once (a process-wide latch); applying none flips it.
    /// </summary>
    public static void QuietJasperFx() => new CommandFactory().ApplyExtensions(new ServiceCollection());

    /// <summary>The one line an operator reads when the service or a verb could not run.</summary>
    public static string FailureLine(Exception exception, string? connectionString)
    {
        var cause = Innermost(exception);
        return cause switch
        {
            StartupRefusedException refused => refused.Message,
            NpgsqlException or SocketException or TimeoutException when connectionString is not null =>
                $"Cannot start: PostgreSQL at {Server(connectionString)} does not answer ({FirstLine(cause.Message)}). " +
                "Check that it runs and ConnectionStrings:Negotiations.",
            IOException io when IsAddressInUse(io) =>
                $"Cannot start: {FirstLine(io.Message)} Stop what uses it or choose another with --urls.",
            _ => $"Cannot start: {exception.GetType().Name}: {FirstLine(exception.Message)}",
        };
    }

    /// <summary>Whether the failure is a known condition (one line says it all) rather than a defect (its stack trace helps).</summary>
    public static bool IsKnownCondition(Exception exception) =>
        Innermost(exception) is StartupRefusedException or NpgsqlException or SocketException or TimeoutException
            || IsAddressInUse(Innermost(exception));

    private static bool IsAddressInUse(Exception exception) =>
        exception is IOException && exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    private static Exception Innermost(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // A port already in use is Kestrel's IOException around a SocketException: not the database's.
            if (e is StartupRefusedException or NpgsqlException or SocketException || IsAddressInUse(e))
            {
                return e;
            }

            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                return Innermost(aggregate.InnerExceptions[0]);
            }
        }

        return exception.GetBaseException();
    }

    private static string Server(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}";
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
