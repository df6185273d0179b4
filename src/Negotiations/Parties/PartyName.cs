namespace Negotiations.Parties;

/// <summary>
/// Which party owns a name: one document per name key (<see cref="PartyNames.Key"/>), written in the transaction of
/// the event that gave the party that name (registration, alias, merge). It is the write side's uniqueness rule, not a
/// view: a name is inserted once, so two requests racing for one name cannot both record it (the loser gets a 409).
/// </summary>
public sealed record PartyName(string Id, Guid PartyId, string Name);
