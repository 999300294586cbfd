using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;

namespace Kvk.Graph.Admin;

/// <summary>
/// The limits the admin page's fields carry (a field names its limit in <c>data-limit</c>, <c>data-min</c> or
/// <c>data-max</c>), read from the rules that refuse a longer text or another year with INVALID_INPUT.
/// </summary>
public static class AdminLimits
{
    public static IReadOnlyDictionary<string, int> All { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["firstYear"] = AwardYear.First,
        ["lastYear"] = AwardYear.Last,
        ["motivation"] = RoundRules.MaxMotivationLength,
        ["reason"] = RoundRules.MaxReasonLength,
        // WithdrawNomination holds its internal note to the length of a reason.
        ["internalNote"] = RoundRules.MaxReasonLength,
        ["recipientName"] = RoundRules.MaxNameLength,
        ["sourceTitle"] = SourceRules.MaxTitleLength,
        ["sourceUrl"] = SourceRules.MaxUrlLength,
        // The API's DateTime carries a four-digit year: a later announcement cannot be written.
        ["lastScheduleYear"] = DateTimeOffset.MaxValue.Year,
    };
}
