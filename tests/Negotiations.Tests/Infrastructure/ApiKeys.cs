using Negotiations.Security;

namespace Negotiations.Tests.Infrastructure;

/// <summary>Three test keys, one per role, and the settings that configure them (hashes only, as in production).</summary>
public static class ApiKeys
{
    public const string Header = ApiKeyAuthenticationHandler.HeaderName;
    public const string Recorder = "neg_test-recorder-key";
    public const string Auditor = "neg_test-auditor-key";
    public const string Admin = "neg_test-admin-key";

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Auth:Keys:0:Name"] = "rita",
        ["Auth:Keys:0:Role"] = Roles.Recorder,
        ["Auth:Keys:0:Sha256"] = ApiKeyHash.Of(Recorder),
        ["Auth:Keys:1:Name"] = "audrey",
        ["Auth:Keys:1:Role"] = Roles.Auditor,
        ["Auth:Keys:1:Sha256"] = ApiKeyHash.Of(Auditor),
        ["Auth:Keys:2:Name"] = "adam",
        ["Auth:Keys:2:Role"] = Roles.Admin,
        ["Auth:Keys:2:Sha256"] = ApiKeyHash.Of(Admin),
    };

    public static IReadOnlyDictionary<string, string> With(params (string Name, string Value)[] more)
    {
        var settings = Settings.ToDictionary();
        foreach (var (name, value) in more)
        {
            settings[name] = value;
        }

        return settings;
    }
}
