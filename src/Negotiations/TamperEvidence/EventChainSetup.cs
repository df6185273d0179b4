using Marten;

namespace Negotiations.TamperEvidence;

public static class EventChainSetup
{
    /// <summary>Tamper evidence for every event stream: the chain table, migrated with the rest, and the listener that fills it.</summary>
    public static StoreOptions AddEventChain(this StoreOptions options)
    {
        options.Storage.ExtendedSchemaObjects.Add(EventChainStore.Table());
        options.Listeners.Add(new EventChainListener());
        return options;
    }
}
