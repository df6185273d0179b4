using System.Security.Cryptography;
using System.Text;
using Negotiations.Deals;

namespace Negotiations.Parties;

// Party events. Stored as JSON forever under the type names in PartyEventTypes: never rename or repurpose a member;
// evolve by adding optional ones. Every event names the party whose stream it is in (PartyId), so views can route it.

public enum PartyKind { Company, Fund, SovereignFund, Government, Person, Other }

/// <summary><c>CompetesWith</c> is symmetric; <c>PartOf</c> points from the part to the whole (AWS is part of Amazon).</summary>
public enum RelationKind { CompetesWith, PartOf }

/// <summary>A party was registered under its canonical name, with its kind and any aliases known then.</summary>
public sealed record PartyRegistered(
    Guid PartyId,
    string Name,
    PartyKind Kind,
    IReadOnlyList<string> Aliases,
    DateOnly OccurredOn,
    Source? Source = null);

/// <summary>Another name of the party ("Amazon.com, Inc." for Amazon).</summary>
public sealed record PartyAliasAdded(
    Guid PartyId,
    string Alias,
    DateOnly OccurredOn,
    Source? Source = null);

/// <summary>The party is related to <c>OtherPartyId</c>, as a source reported: it competes with it, or is part of it.</summary>
public sealed record PartyRelated(
    Guid PartyId,
    RelationKind Kind,
    Guid OtherPartyId,
    DateOnly OccurredOn,
    Source Source);

/// <summary>
/// Party <c>DuplicateId</c> was found to be this party (an explicit decision, never a guess): its <c>Names</c> (as they
/// were when merged) are this party's names from now on, and its id resolves to this party.
/// </summary>
public sealed record PartyMerged(
    Guid PartyId,
    Guid DuplicateId,
    IReadOnlyList<string> Names,
    DateOnly OccurredOn,
    string? Reason = null);

/// <summary>In the duplicate's own stream (when it has one): it was merged into <c>SurvivorId</c> and takes no more writes.</summary>
public sealed record PartyMergedInto(
    Guid PartyId,
    Guid SurvivorId,
    DateOnly OccurredOn);

/// <summary>The stable names under which the party events are stored. A name here never changes.</summary>
public static class PartyEventTypes
{
    public static readonly IReadOnlyDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(PartyRegistered)] = "party_registered",
        [typeof(PartyAliasAdded)] = "party_alias_added",
        [typeof(PartyRelated)] = "party_related",
        [typeof(PartyMerged)] = "party_merged",
        [typeof(PartyMergedInto)] = "party_merged_into",
    };
}

/// <summary>
/// The id of a first-sight party — a name seen in deals that no registered party owns — derived from the name's key (a
/// name-based UUID, RFC 9562 version 5): old deal events need no rewrite, and a rebuild gives it the same id. Once the
/// name is registered, aliased or merged, that id answers with the party owning the name.
/// </summary>
public static class PartyIds
{
    private static readonly byte[] Namespace = Guid.Parse("6f1c2a4e-52b7-4d0c-9a57-3c1d8e0b7a11").ToByteArray(bigEndian: true);

    public static Guid Of(string name)
    {
        var key = Encoding.UTF8.GetBytes(PartyNames.Key(name));
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 name-based UUIDs use; it identifies, it protects nothing.
        var hash = SHA1.HashData([.. Namespace, .. key]);
#pragma warning restore CA5350
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
