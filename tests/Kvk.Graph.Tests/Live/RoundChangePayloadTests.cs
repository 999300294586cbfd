using Kvk.Graph.Live;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Tests.Live;

/// <summary>The NOTIFY payload between hosts: year, event kinds, version and the store's sequence of the last event.</summary>
public sealed class RoundChangePayloadTests
{
    [Fact]
    public void A_payload_carries_the_year_the_event_kinds_the_version_and_the_sequence()
    {
        var change = RoundChange.Parse(new RoundChangeNotice(2027, 4, ["MunicipalityNominated", "NominationsClosed"], 1234).Payload)!;

        Assert.Equal(2027, change.Year);
        Assert.Equal(["MunicipalityNominated", "NominationsClosed"], change.EventKinds);
        Assert.Equal(4, change.Version);
        Assert.Equal(1234, change.Sequence);
    }

    [Fact]
    public void A_payload_of_an_announcement_announces()
    {
        Assert.True(RoundChange.Parse(new RoundChangeNotice(2027, 6, ["AwardAnnounced"], 99).Payload)!.Announces);
    }

    [Fact]
    public void A_payload_that_is_not_a_round_change_is_ignored()
    {
        Assert.Null(RoundChange.Parse("hello 0/1"));
    }

    [Fact]
    public void Only_a_main_programme_stream_names_a_round()
    {
        Assert.Equal(2027, RoundChangeNotice.YearOf("round-2027"));
        Assert.Null(RoundChangeNotice.YearOf("kommuner-light/round-2027"));
        Assert.Null(RoundChangeNotice.YearOf("round-x"));
    }
}
