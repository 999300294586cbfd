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
}
