using System.Net;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Negotiations.Parties;
using Negotiations.Security;
using Wolverine.Http;

namespace Negotiations.Alerts.Watching;

/// <summary>The subject as a client names it: exactly one member.</summary>
public sealed record SubjectBody(Guid? DealId = null, Guid? RoundId = null, Guid? PartyId = null, Guid? QuestionId = null, object? Search = null);

/// <summary>Watch a deal, a round, a party or an open question; alerts go to a signed webhook, an Atom feed, or both.</summary>
public sealed record CreateWatch(string Name, SubjectBody Subject, IReadOnlyList<AlertTrigger> Triggers, WatchDelivery Delivery, int? QuietDays = null);

/// <summary>A watch as its owner sees it; <c>secret</c> only in the answer that generated it.</summary>
public sealed record WatchView(Guid Id, string Name, WatchSubject Subject, IReadOnlyList<AlertTrigger> Triggers, Uri? WebhookUrl, bool Feed, int? QuietDays,
    string Owner, DateTimeOffset CreatedAt, string? Secret = null)
{
    public static WatchView Of(Watch watch, bool withSecret = false) => new(watch.Id, watch.Name, watch.Subject, watch.Triggers, watch.Delivery.Webhook?.Url,
        watch.Delivery.Feed, watch.QuietDays, watch.Owner, watch.CreatedAt, withSecret ? watch.Secret : null);
}

public sealed record WatchCreated(Guid Id, WatchView Watch) : CreationResponse($"/api/watches/{Id}");

/// <summary>Whether the subject names something that exists (a question counts: it is found by its deal's events).</summary>
public sealed record SubjectCheck(bool Exists);

public static class CreateWatchEndpoint
{
    public const int MaxQuietDays = 365;

    /// <summary>The subject's stream, or null when the subject names none that exists (a question is found by its deal's events).</summary>
    public static async Task<SubjectCheck> LoadAsync(CreateWatch command, IQuerySession session, CancellationToken cancellationToken)
    {
        var stream = command.Subject?.DealId ?? command.Subject?.RoundId;
        if (command.Subject?.PartyId is { } party)
        {
            return new(await session.LoadAsync<PartyState>(party, cancellationToken) is not null || await session.LoadAsync<PartyView>(party, cancellationToken) is not null);
        }

        return new(stream is null || await session.Events.FetchStreamStateAsync(stream.Value, cancellationToken) is not null);
    }

    // Stryker disable all : a database read; the API tests cover it
    private static async Task<long> LastSequenceAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new Npgsql.NpgsqlCommand($"select coalesce(max(seq_id), 0) from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
    // Stryker restore all

    public static ProblemDetails Validate(CreateWatch command, SubjectCheck subject, AlertsOptions options)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Name, "name", TextLimits.Name);
        var body = command.Subject;
        var named = body is null ? 0 : new object?[] { body.DealId, body.RoundId, body.PartyId, body.QuestionId, body.Search }.Count(v => v is not null);
        if (body?.Search is not null)
        {
            errors.Add("subject.search", "Saved searches cannot be watched yet: watch a deal, a round, a party or a question.");
        }
        else
        {
            errors.Require(named == 1, "subject", "Name exactly one of 'dealId', 'roundId', 'partyId', 'questionId'.");
            errors.Require(named != 1 || subject.Exists, "subject", "No deal, round or party with that id exists.");
        }

        errors.Require(command.Triggers is { Count: > 0 }, "triggers", "Give at least one trigger.");
        var quiet = command.Triggers?.Contains(AlertTrigger.WentQuiet) == true;
        errors.Require(!quiet || command.QuietDays is >= 1 and <= MaxQuietDays, "quietDays", $"'WentQuiet' needs 'quietDays', 1 to {MaxQuietDays}.");
        errors.Require(quiet || command.QuietDays is null, "quietDays", "'quietDays' goes with the 'WentQuiet' trigger.");
        errors.Require(command.Delivery is { Webhook: not null } or { Feed: true }, "delivery", "Give a 'webhook', 'feed': true, or both.");
        if (command.Delivery?.Webhook is { } webhook)
        {
            if (WebhookAddress.Refusal(webhook.Url, options.AllowPrivateNetworks) is { } refusal)
            {
                errors.Add("delivery.webhook.url", refusal);
            }

            errors.Require(webhook.Secret is null || WebhookSecret.IsValid(webhook.Secret), "delivery.webhook.secret",
                "A secret is 'whsec_' followed by base64 of 24 to 64 bytes (omit it to have one generated).");
        }

        return errors.ToProblem();
    }

    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [EndpointSummary("Watch a deal, a round, a party or a question")]
    [WolverinePost("/api/watches")]
    public static async Task<WatchCreated> Post(CreateWatch command, HttpContext context, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Events committed before the watch, processed after it by the subscription, raise nothing.
        var since = await LastSequenceAsync(session, cancellationToken);
        var webhook = command.Delivery.Webhook;
        var generated = webhook is { Secret: null };
        var watch = new Watch(Guid.CreateVersion7(), command.Name, ToSubject(command.Subject), [.. command.Triggers.Distinct()], command.Delivery with
        {
            Webhook = webhook is null ? null : webhook with { Secret = null },
        }, command.QuietDays, WatchOwners.Of(context.User), clock.GetUtcNow())
        {
            Secret = webhook is null ? null : webhook.Secret ?? Watch.NewSecret(),
            Since = since,
        };
        session.Store(watch);
        return new WatchCreated(watch.Id, WatchView.Of(watch, withSecret: generated));
    }

    private static WatchSubject ToSubject(SubjectBody subject) => new(subject.DealId, subject.RoundId, subject.PartyId, subject.QuestionId);
}

/// <summary>Whose a watch is: the API key holder's name (in the open Development mode, everyone is the local admin).</summary>
public static class WatchOwners
{
    public static string Of(System.Security.Claims.ClaimsPrincipal user) => user.Identity?.Name ?? RecordedBy.Anonymous;

    /// <summary>The owner sees and deletes a watch; so does an admin. Anyone else is told it does not exist.</summary>
    public static bool MaySee(System.Security.Claims.ClaimsPrincipal user, Watch watch) => user.IsInRole(Roles.Admin) || watch.Owner == Of(user);
}

/// <summary>Which webhook addresses are allowed: http or https, and no private, loopback or link-local address unless configured.</summary>
public static class WebhookAddress
{
    public static string? Refusal(Uri? url, bool allowPrivate)
    {
        if (url is null || !url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            return "An absolute http or https URL.";
        }

        if (allowPrivate)
        {
            return null;
        }

        return url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IsPrivate(address))
            ? $"'{url.Host}' is a private, loopback or link-local address: refused unless Alerts:AllowPrivateNetworks is true."
            : null;
    }

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        var bytes = address.GetAddressBytes();
        return bytes.Length == 4 && (bytes[0] == 10 || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31) || (bytes[0] == 192 && bytes[1] == 168)
            || (bytes[0] == 169 && bytes[1] == 254) || bytes[0] == 127 || bytes[0] == 0 || (bytes[0] == 100 && bytes[1] is >= 64 and <= 127));
    }
}

/// <summary>Standard Webhooks secrets: <c>whsec_</c> and base64.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static bool IsValid(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var buffer = new byte[secret.Length];
        return Convert.TryFromBase64String(secret[Prefix.Length..], buffer, out var length) && length is >= 24 and <= 64;
    }
}
