namespace Negotiations.Intake.Feeds;

/// <summary>
/// A feed whose new entries are archived as they appear: its URL (once), the publication its articles are from, when it
/// was last polled and what that found, and the links already archived (the latest <see cref="MaxSeen"/>).
/// </summary>
public sealed record IntakeFeed(
    Guid Id,
    string Url,
    string Publication,
    DateTimeOffset AddedAt,
    DateTimeOffset? PolledAt = null,
    string? LastProblem = null,
    IReadOnlyList<string>? Seen = null)
{
    public const int MaxSeen = 1000;
}
