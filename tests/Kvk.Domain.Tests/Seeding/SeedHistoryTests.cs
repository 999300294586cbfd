using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Domain.Seeding;

namespace Kvk.Domain.Tests.Seeding;

public sealed class SeedHistoryTests
{
    private static readonly SeedHistory History = SeedHistory.Load(SeedFiles.Rounds);
    private static readonly MunicipalityDirectory Municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);

    [Fact]
    public void The_history_has_the_rounds_2003_to_2025_with_eleven_announced_awards()
    {
        Assert.Equal(Enumerable.Range(0, 12).Select(i => 2003 + (2 * i)), History.Rounds.Select(r => r.Year));
        Assert.Equal(11, History.Rounds.Count(r => r.Announced && r.Decision is not null));
    }

    [Fact]
    public void The_2025_round_has_four_nominees_and_no_decision()
    {
        var round = History.Rounds.Single(r => r.Year == 2025);

        Assert.Equal(["0840", "0643", "1401", "1263"], round.Nominees);
        Assert.Null(round.Decision);
    }

    [Fact]
    public void Every_seeded_round_follows_the_rules_and_folds_to_its_published_state()
    {
        foreach (var seed in History.Rounds)
        {
            var round = Round.Fold(SeedRoundEvents.Of(seed, Municipalities))!;

            Assert.Equal(seed.Announced ? RoundStatus.Announced : RoundStatus.Judging, round.Status);
            Assert.Equal(seed.Nominees, round.Nominees);
            Assert.Equal(seed.Decision?.Motivation, round.Decision?.Motivation);
        }
    }

    [Fact]
    public void Motivations_keep_their_inner_quotation_marks_and_lose_the_enclosing_ones()
    {
        var motivation = History.Rounds.Single(r => r.Year == 2023).Decision!.Motivation;

        Assert.StartsWith("Höganäs är en kommun", motivation, StringComparison.Ordinal);
        Assert.Contains("”Väl värt att investera i”", motivation, StringComparison.Ordinal);
        Assert.EndsWith("värdig vinnare av priset.", motivation, StringComparison.Ordinal);
    }
    [Fact]
    public void Every_seeded_source_stands_for_the_source_column_of_nominees_csv_whole()
    {
        // nominees.csv quotes the fields that hold a comma (2017's source): read it as CSV, not by splitting on commas.
        var rows = ReadCsv(File.ReadAllText(Path.Combine(SeedFiles.Directory, "nominees.csv"))).Skip(1).ToList();
        Assert.All(rows, r => Assert.Equal(5, r.Count));

        foreach (var round in History.Rounds)
        {
            foreach (var row in rows.Where(r => r[0] == round.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                Assert.Equal(row[4], string.Join("; ", round.SourcesOf(row[1]).Select(s => s.Citation)));
            }
        }

        Assert.Equal("skl.se (kvalitetsprissverigeskvalitetskommun page, 2018)", rows.First(r => r[0] == "2017")[4]);
    }

    [Fact]
    public void The_seed_import_writes_a_source_into_every_nomination_decision_and_announcement()
    {
        foreach (var seed in History.Rounds)
        {
            var events = SeedRoundEvents.Of(seed, Municipalities);

            Assert.All(events.OfType<MunicipalityNominated>(), n => Assert.NotEmpty(n.Sources!));
            Assert.All(events.OfType<JuryDecisionRecorded>(), d => Assert.NotEmpty(d.Sources!));
            Assert.All(events.OfType<AwardAnnounced>(), a => Assert.NotEmpty(a.Sources!));
            Assert.All(
                events.OfType<AwardAnnounced>(),
                a => Assert.Equal(seed.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), a.AnnouncedOn));
            Assert.All(events.OfType<AwardAnnounced>(), a => Assert.Null(a.AnnouncedAt));
            var list = Assert.Single(events.OfType<NomineeListSourced>());
            Assert.NotEmpty(list.Sources);
            Assert.Equal(seed.Year is 2007 or 2009 or 2013 ? NomineesKnown.WinnerOnly : NomineesKnown.FullList, list.Known);
        }
    }

    [Fact]
    public void A_seeded_note_is_recorded_where_the_nominations_close_with_its_sources_supporting_the_note()
    {
        var seed = History.Rounds.Single(r => r.Year == 2007);
        var events = SeedRoundEvents.Of(seed, Municipalities);
        var closed = events.ToList().FindIndex(e => e is NominationsClosed);

        Assert.IsType<NomineeListSourced>(events[closed + 1]);
        var note = Assert.IsType<RoundNoteAdded>(events[closed + 2]);
        Assert.Equal((2007, seed.Notes![0].Text), (note.Year, note.Note));
        Assert.Equal(seed.Notes[0].Sources.Select(s => s.Title), note.Sources.Select(s => s.Title));
        Assert.All(note.Sources, s => Assert.Equal(Kvk.Domain.Sources.SourceSupports.Note, s.Supports));
        Assert.Equal(4, History.Rounds.Sum(r => SeedRoundEvents.Of(r, Municipalities).OfType<RoundNoteAdded>().Count()));
    }

    [Fact]
    public void The_seeded_sources_say_what_each_supports()
    {
        var events = SeedRoundEvents.Of(History.Rounds.Single(r => r.Year == 2023), Municipalities);

        Assert.All(events.OfType<MunicipalityNominated>().SelectMany(n => n.Sources!), s => Assert.Equal(Kvk.Domain.Sources.SourceSupports.Nomination,
            s.Supports));
        Assert.All(events.OfType<JuryDecisionRecorded>().SelectMany(d => d.Sources!), s => Assert.Equal(Kvk.Domain.Sources.SourceSupports.Decision,
            s.Supports));
        Assert.All(events.OfType<AwardAnnounced>().SelectMany(a => a.Sources!), s => Assert.Equal(Kvk.Domain.Sources.SourceSupports.Announcement, s.Supports));
        Assert.All(events.OfType<NomineeListSourced>().SelectMany(l => l.Sources), s => Assert.Equal(Kvk.Domain.Sources.SourceSupports.NomineeList,
            s.Supports));
    }

    [Fact]
    public void A_nomination_with_its_own_sources_keeps_them_and_the_others_take_the_lists()
    {
        var seed = History.Rounds.Single(r => r.Year == 2025);

        Assert.Equal(seed.NominationSources!["0840"], seed.SourcesOf("0840"));
        Assert.Equal(seed.NomineeSources, seed.SourcesOf("0643"));
        Assert.Empty(new SeedRound(2027, [], null, false).SourcesOf("0643"));
    }

    [Fact]
    public void A_seed_file_that_holds_no_history_is_rejected()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "null");
            Assert.Throws<InvalidDataException>(() => SeedHistory.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_seeded_announcement_of_a_decision_without_sources_has_none()
    {
        var events = SeedRoundEvents.Of(new SeedRound(2027, ["0643"], new SeedDecision("0643", "Habo kommun", "Bra."), true), Municipalities);

        Assert.Empty(Assert.Single(events.OfType<AwardAnnounced>()).Sources!);
    }

    [Fact]
    public void A_seeded_round_that_breaks_a_rule_is_rejected() =>
        Assert.Throws<InvalidDataException>(() => SeedRoundEvents.Of(new SeedRound(2027, ["0643", "0643"], null, false), Municipalities));

    [Fact]
    public void A_seeded_decision_that_is_not_announced_stays_a_decision()
    {
        var events = SeedRoundEvents.Of(new SeedRound(2027, ["0643"], new SeedDecision("0643", "Habo kommun", "Bra."), false), Municipalities);

        Assert.Empty(events.OfType<AwardAnnounced>());
        Assert.Null(Assert.Single(events.OfType<JuryDecisionRecorded>()).Sources);
        Assert.Empty(events.OfType<NomineeListSourced>());
    }

    [Theory]
    [InlineData("https://kvalitetsmassan.se/", null, true)]
    [InlineData("http://skl.se/a?b=c", "2018-05-31", true)]
    [InlineData(null, "2019", true)]
    [InlineData(null, "2019-11", true)]
    [InlineData("kvalitetsmassan.se", null, false)]
    [InlineData("mailto:info@kvalitetsmassan.se", null, false)]
    [InlineData("https://", null, false)]
    [InlineData(null, "2019-11-31", false)]
    [InlineData(null, "19", false)]
    [InlineData(null, "2019/11/14", false)]
    public void A_source_is_valid_with_an_absolute_web_address_and_a_date_of_year_month_or_day(string? url, string? publishedOn, bool valid)
    {
        var refusal = Kvk.Domain.Sources.SourceRules.Invalid(new Kvk.Domain.Sources.Source("Titel", null, url, publishedOn, ""));

        Assert.Equal(valid, refusal is null);
        Assert.True(valid || refusal!.Refusal!.Code == RefusalCode.InvalidInput);
    }

    /// <summary>The rows of a CSV file, read by .NET's own RFC 4180 reader (TextFieldParser).</summary>
    private static List<List<string>> ReadCsv(string text)
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(new StringReader(text))
        {
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        var rows = new List<List<string>>();
        while (!parser.EndOfData)
        {
            rows.Add([.. parser.ReadFields()!]);
        }

        return rows;
    }
}
