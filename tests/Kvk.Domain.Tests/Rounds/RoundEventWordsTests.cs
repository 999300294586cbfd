using Kvk.Domain.Rounds;

namespace Kvk.Domain.Tests.Rounds;

/// <summary>The machinery of the events' words: the catalogue's order, the placeholders a template may name, their parts.</summary>
public sealed class RoundEventWordsTests
{
    private static IEnumerable<string> EntryTemplates(RoundEventWording wording) =>
        new[] { wording.Swedish, wording.English, wording.Secretariat }.OfType<string>();

    [Fact]
    public void The_catalogue_lists_the_kinds_by_stored_name()
    {
        var names = RoundEventCatalogue.All.Select(k => k.StoredName).ToList();

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    /// <summary>The fields of a history entry that the pages fill in (admin.js, HistoryPhrases): written once more here.</summary>
    [Fact]
    public void The_entry_placeholders_are_the_history_entry_fields_the_pages_fill_in() =>
        Assert.Equal(["municipality", "reason", "motivation", "note", "at"], RoundEventTelling.EntryPlaceholders);

    [Fact]
    public void No_public_phrase_or_secretariat_line_names_a_placeholder_the_pages_do_not_fill_in()
    {
        var named = RoundEventCatalogue.All
            .SelectMany(k => k.Telling.Wordings)
            .SelectMany(EntryTemplates)
            .SelectMany(Placeholders.In)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Subset(RoundEventTelling.EntryPlaceholders.ToHashSet(StringComparer.Ordinal), named);
    }

    [Fact]
    public void A_template_is_cut_into_its_texts_and_names_without_empty_texts()
    {
        Assert.Equal([("{", false)], Placeholders.Parts("{"));
        Assert.Equal([("a", true), ("b", true), (" nominerades.", false)], Placeholders.Parts("{a}{b} nominerades."));
    }

    [Fact]
    public void A_secret_decision_is_told_without_its_municipality_and_a_known_one_with_it()
    {
        var telling = RoundEventCatalogue.Of(new JuryDecisionRecorded(2027, "1263", "Svedala kommun", "Bra.")).Telling;

        Assert.Same(telling.Told, telling.For(namesMunicipality: true));
        Assert.NotNull(telling.WithoutMunicipality);
        Assert.Same(telling.WithoutMunicipality, telling.For(namesMunicipality: false));
    }

    [Fact]
    public void An_event_told_alike_with_or_without_a_municipality_has_one_wording()
    {
        var telling = RoundEventCatalogue.Of(new RoundOpened(2027)).Telling;

        Assert.Null(telling.WithoutMunicipality);
        Assert.Same(telling.Told, telling.For(namesMunicipality: false));
        Assert.Equal([telling.Told], telling.Wordings);
    }
}
