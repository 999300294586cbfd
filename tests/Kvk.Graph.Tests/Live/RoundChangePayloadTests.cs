using Kvk.Graph.Live;
using NpgsqlTypes;

namespace Kvk.Graph.Tests.Live;

/// <summary>The NOTIFY payload between hosts: year, event kinds, version and the primary's WAL position after the commit.</summary>
public sealed class RoundChangePayloadTests
{
    [Fact]
    public void A_payload_carries_the_year_the_event_kinds_the_version_and_the_wal_position()
    {
        var change = RoundChange.Parse(RoundChange.Format(2027, ["MunicipalityNominated", "NominationsClosed"], 4) + " 0/16B3748")!;

        Assert.Equal(2027, change.Year);
        Assert.Equal(["MunicipalityNominated", "NominationsClosed"], change.EventKinds);
        Assert.Equal(4, change.Version);
        Assert.Equal(NpgsqlLogSequenceNumber.Parse("0/16B3748"), change.Position);
    }

    [Fact]
    public void A_payload_without_a_position_is_published_without_waiting()
    {
        var change = RoundChange.Parse(RoundChange.Format(2027, ["AwardAnnounced"], 6))!;

        Assert.True(change.Announces);
        Assert.Null(change.Position);
    }

    [Fact]
    public void A_payload_that_is_not_a_round_change_is_ignored()
    {
        Assert.Null(RoundChange.Parse("hello 0/1"));
    }
}
