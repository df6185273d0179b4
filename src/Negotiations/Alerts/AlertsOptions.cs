namespace Negotiations.Alerts;

/// <summary>Configuration section <c>Alerts</c>.</summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>Webhooks to private, loopback or link-local addresses (refused by default; tests and local use allow them).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// The waits between webhook attempts, in seconds: by default 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h
    /// and 1 h — 24 h 42 min in all, eleven retries; after the last the delivery is dead-lettered (replay sends it again).
    /// </summary>
    /// <remarks>Null by default: the configuration binder appends to an array it finds, it does not replace it.</remarks>
    public int[]? RetryDelaysSeconds { get; set; }

    public static readonly int[] DefaultRetryDelaysSeconds = [5, 30, 120, 600, 1800, 3600, 7200, 14400, 28800, 28800, 3600];

    public IReadOnlyList<int> RetryDelays => RetryDelaysSeconds is { Length: > 0 } delays ? delays : DefaultRetryDelaysSeconds;

    /// <summary>How long one webhook call may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 10;
}
