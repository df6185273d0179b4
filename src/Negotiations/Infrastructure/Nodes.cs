using System.Globalization;
using Wolverine;

namespace Negotiations.Infrastructure;

/// <summary>
/// Several service processes may share one database. Each checks in every <c>Nodes:HealthCheckSeconds</c> (default 2);
/// one of them leads and assigns each async view to exactly one node. A node silent for <c>Nodes:StaleAfterSeconds</c>
/// (default 6) is taken out after two further checks, and its views move to the nodes left: a view stops for that long
/// at most, and loses nothing (it resumes from the last event it recorded as applied).
/// </summary>
public static class Nodes
{
    public const string HealthCheckSetting = "Nodes:HealthCheckSeconds";
    public const string StaleAfterSetting = "Nodes:StaleAfterSeconds";

    public static void Configure(DurabilitySettings durability, IConfiguration configuration)
    {
        var check = Seconds(configuration, HealthCheckSetting, 2);
        durability.FirstHealthCheckExecution = TimeSpan.FromMilliseconds(200);
        durability.HealthCheckPollingTime = check;
        durability.StaleNodeTimeout = Seconds(configuration, StaleAfterSetting, 6);
        durability.CheckAssignmentPeriod = check * 2;
    }

    private static TimeSpan Seconds(IConfiguration configuration, string key, double fallback)
    {
        var text = configuration[key];
        if (text is null)
        {
            return TimeSpan.FromSeconds(fallback);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new StartupRefusedException($"{key} must be a number of seconds between 0 and 3600; it is '{text}'.");
    }
}
