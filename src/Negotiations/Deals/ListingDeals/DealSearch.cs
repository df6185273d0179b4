namespace Negotiations.Deals.ListingDeals;

/// <summary>
/// The SQL of a deal search over the search view's table (<see cref="DealSearchProjection.Configure"/>): each filter one
/// condition on an indexed column, values always as parameters ('?', Marten's placeholder), sorting by a fixed clause per
/// <c>sort</c> value (ties broken by id, so pages never overlap).
/// </summary>
public sealed record DealSearch(string Where, string OrderBy, IReadOnlyList<object> Arguments)
{
    public static DealSearch For(DealListQuery query, IReadOnlyList<string> partyKeys)
    {
        var conditions = new List<string>();
        var arguments = new List<object>();
        void Add(string condition, object value)
        {
            conditions.Add(condition);
            arguments.Add(value);
        }

        if (query.Status is { Length: > 0 } statuses)
        {
            Add("status = ANY(?)", statuses.Select(s => s.ToString()).Distinct().ToArray());
        }

        if (query.Party is not null && query.Role is { } partyRole)
        {
            // The party in that role, not any party of a deal that has someone in that role.
            Add("party_roles && ?", partyKeys.Select(key => DealSearchEntry.RoleKey(partyRole, key)).ToArray());
        }
        else if (query.Party is not null)
        {
            Add("party_keys && ?", partyKeys.ToArray());
        }
        else if (query.Role is { } role)
        {
            Add("party_roles && ?", new[] { DealSearchEntry.RoleKey(role) });
        }

        if (query.Kind is { } kind)
        {
            Add("kind = ?", kind.ToString());
        }

        if (query.Round is { } round)
        {
            Add("round = ?", round);
        }

        if (query.Currency is { } currency)
        {
            Add("currency = ?", currency);
        }

        // The deal's amount range overlaps [minAmount, maxAmount] (AmountRange.Overlaps; a null high is unbounded).
        if (query.MinAmount is { } min)
        {
            Add("(amount_high is null or amount_high >= ?)", min);
        }

        if (query.MaxAmount is { } max)
        {
            Add("amount_low <= ?", max);
        }

        // The deal's first..last occurred dates overlap [activeFrom, activeTo].
        if (query.ActiveFrom is { } from)
        {
            Add("last_activity_on >= ?", from);
        }

        if (query.ActiveTo is { } to)
        {
            Add("opened_on <= ?", to);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            Add($"to_tsvector('{DealSearchProjection.TextConfiguration}', data ->> 'searchText') " +
                $"@@ websearch_to_tsquery('{DealSearchProjection.TextConfiguration}', ?)", query.Q.Trim());
        }

        var orderBy = query.Sort?.ToLowerInvariant() switch
        {
            "lastactivity" => "last_activity_on, id",
            "openedon" => "opened_on, id",
            "-openedon" => "opened_on desc, id desc",
            "title" => "title, id",
            "-title" => "title desc, id desc",
            "amount" => "amount_low nulls last, id",
            "-amount" => "amount_low desc nulls last, id desc",
            _ => "last_activity_on desc, id desc",
        };
        return new DealSearch(conditions.Count == 0 ? "true" : string.Join(" and ", conditions), orderBy, arguments);
    }
}
