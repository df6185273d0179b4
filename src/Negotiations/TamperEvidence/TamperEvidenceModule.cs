using Marten;
using Negotiations.Infrastructure;

namespace Negotiations.TamperEvidence;

/// <summary>
/// Tamper evidence for every event stream: a SHA-256 hash chain written in the same transaction as the events (its table
/// migrated with the rest), verification per deal and for all streams, and the chain heads to keep elsewhere.
/// </summary>
public sealed class TamperEvidenceModule : IServiceModule
{
    public void ConfigureMarten(StoreOptions options)
    {
        options.Storage.ExtendedSchemaObjects.Add(EventChainStore.Table());
        options.Listeners.Add(new EventChainListener());
    }
}
