using Wolverine.Marten;

namespace Negotiations.Parties;

/// <summary>
/// How every command on a registered party loads it: 404 for an id no registered party has (a party known only from
/// deals is registered first, under its name), and an exclusive lock on the party's stream for the command.
/// </summary>
public sealed class WritePartyAttribute : WriteAggregateAttribute
{
    public const string Missing = "No registered party with id {Id}: a party known only from deals is registered first (POST /api/parties with its name).";

    public WritePartyAttribute()
    {
        MissingMessage = Missing;
        LoadStyle = ConcurrencyStyle.Exclusive;
    }
}
