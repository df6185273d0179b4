using JasperFx.CommandLine;
using Negotiations.Infrastructure;

namespace Negotiations.Security;

public sealed class CreateApiKeyInput
{
    [Description("Who holds the key; recorded as recorded-by on their writes")]
    public string Name { get; set; } = "";

    [Description("Recorder, Auditor or Admin")]
    public string Role { get; set; } = "";

    [Description("Its position in Auth:Keys (default 0)")]
    public int IndexFlag { get; set; }
}

/// <summary>
/// <c>dotnet run --project src/Negotiations -- create-api-key alice Recorder</c>: prints a new key once, and the
/// configuration lines that hold only its SHA-256. The key itself is stored nowhere.
/// </summary>
[Description("print a new API key once and the configuration lines holding its hash", Name = "create-api-key")]
[NoDatabase]
public sealed class CreateApiKeyCommand : JasperFxCommand<CreateApiKeyInput>
{
    public override bool Execute(CreateApiKeyInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Name) || !Roles.All.Contains(input.Role))
        {
            return CommandLine.RefuseUsage($"Usage: create-api-key <name> <{string.Join("|", Roles.All)}> [--index N]");
        }

        var key = ApiKeyHash.NewKey();
        var i = input.IndexFlag;
        Console.WriteLine($"API key for {input.Name} ({input.Role}), shown only now: {key}");
        Console.WriteLine("Configuration (environment variables):");
        Console.WriteLine($"  Auth__Keys__{i}__Name={input.Name}");
        Console.WriteLine($"  Auth__Keys__{i}__Role={input.Role}");
        Console.WriteLine($"  Auth__Keys__{i}__Sha256={ApiKeyHash.Of(key)}");
        return true;
    }
}
