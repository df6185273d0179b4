using JasperFx.Events;
using Marten.Events.Projections;

namespace Negotiations.Parties;

/// <summary>
/// The async party view: every party event updates the documents of the parties it is about — a relation both parties'
/// (so each shows it from its side), a merge the survivor's and the duplicate's. Run by Marten's daemon, not in the
/// writing transaction; reads say which event sequence they reflect.
/// </summary>
public sealed class PartyViewProjection : MultiStreamProjection<PartyView, Guid>
{
    public PartyViewProjection()
    {
        Identity<PartyRegistered>(e => e.PartyId);
        Identity<PartyAliasAdded>(e => e.PartyId);
        Identities<PartyRelated>(e => [e.PartyId, e.OtherPartyId]);
        Identities<PartyMerged>(e => [e.PartyId, e.DuplicateId]);
    }

    public override PartyView? Evolve(PartyView? snapshot, Guid id, IEvent e) => (snapshot ?? PartyView.Empty(id)).After(e.Data);
}
