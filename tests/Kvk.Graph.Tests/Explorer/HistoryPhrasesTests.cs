using Kvk.Domain.Rounds;
using Kvk.Graph.Explorer;
using Kvk.Graph.Rounds;

namespace Kvk.Graph.Tests.Explorer;

/// <summary>Every kind of event a public history can hold is told in words, in both languages, never by its type name.</summary>
public sealed class HistoryPhrasesTests
{
    public static TheoryData<string> PublicEventNames => [.. RoundEventNames.All.Select(e => e.Name).Where(name => name != "internal_note_recorded")];

    [Theory]
    [MemberData(nameof(PublicEventNames))]
    public void Each_public_event_is_told_in_swedish_and_english(string name)
    {
        var entry = new RoundHistoryEntry(1, 1, name, DateTimeOffset.UnixEpoch, "Anna", "", "0643", "Motivering.", "Skäl.", ScheduledAt: DateTimeOffset.UnixEpoch);

        foreach (var phrases in new[] { HistoryPhrases.Swedish, HistoryPhrases.English })
        {
            var told = phrases.Describe(entry, code => Html.Of($"{code}")).ToString();
            Assert.DoesNotContain(name, told, StringComparison.Ordinal);
            Assert.True(told.Length > 10, $"{name}: \"{told}\"");
        }
    }
}
