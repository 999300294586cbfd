using Kvk.Domain.Rounds;
using Kvk.Graph.Explorer;
using Kvk.Storage.Seeding;

namespace Kvk.Graph.Tests.Explorer;

/// <summary>
/// Every kind of event a public history can hold is told in words, in both languages, never by its type name, from
/// what the API's <c>RoundEvent</c> gives: its type and fields. A secret decision (no municipality) is told as a secret.
/// </summary>
public sealed class HistoryPhrasesTests
{
    private static readonly MunicipalityName Habo = new("0643", "Habo");

    public static TheoryData<string> PublicEventNames =>
        [.. RoundEventCatalogue.All.Where(k => k.Telling.Disclosure != RoundEventDisclosure.SecretariatOnly).Select(k => k.StoredName)];

    private static HistoryEntry Entry(string type, MunicipalityName? municipality) =>
        new(type, DateTimeOffset.UnixEpoch, "Anna", municipality, "Motivering.", "Skäl.", DateTimeOffset.UnixEpoch);

    [Theory]
    [MemberData(nameof(PublicEventNames))]
    public void Each_public_event_is_told_in_swedish_and_english(string name)
    {
        foreach (var phrases in new[] { HistoryPhrases.Swedish, HistoryPhrases.English })
        {
            var told = phrases.Describe(Entry(name, Habo), m => Html.Of($"[{m.Code} {m.Name}]")).ToString();
            Assert.DoesNotContain(name, told, StringComparison.Ordinal);
            Assert.True(told.Length > 10, $"{name}: \"{told}\"");
        }
    }

    [Theory]
    [InlineData("municipality_nominated")]
    [InlineData("nomination_withdrawn")]
    [InlineData("jury_decision_recorded")]
    [InlineData("award_announced")]
    [InlineData("decision_revised")]
    public void An_event_about_a_municipality_links_it(string name)
    {
        foreach (var phrases in new[] { HistoryPhrases.Swedish, HistoryPhrases.English })
        {
            Assert.Contains("[0643 Habo]", phrases.Describe(Entry(name, Habo), m => Html.Of($"[{m.Code} {m.Name}]")).ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("jury_decision_recorded")]
    [InlineData("decision_revised")]
    public void A_decision_the_api_keeps_secret_is_told_as_a_secret(string name)
    {
        Assert.Equal(
            "Juryns beslut registrerades. Det hålls hemligt tills priset tillkännages.",
            HistoryPhrases.Swedish.Describe(Entry("jury_decision_recorded", null), _ => throw new InvalidOperationException()).ToString());
        foreach (var phrases in new[] { HistoryPhrases.Swedish, HistoryPhrases.English })
        {
            var told = phrases.Describe(Entry(name, null), _ => throw new InvalidOperationException("A secret decision names no municipality.")).ToString();
            Assert.True(told.Contains("hemligt", StringComparison.Ordinal) || told.Contains("secret", StringComparison.Ordinal), told);
        }
    }

    [Fact]
    public void The_seed_import_is_named_as_the_api_names_its_actor() =>
        Assert.Equal(SeedImporter.Actor, RoundPage.SeedImportActor);
}
