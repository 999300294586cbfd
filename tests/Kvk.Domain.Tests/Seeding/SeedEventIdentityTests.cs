using Kvk.Domain.Seeding;

namespace Kvk.Domain.Tests.Seeding;

public sealed class SeedEventIdentityTests
{
    [Fact]
    public void A_seeded_event_s_id_follows_from_its_place_alone_and_is_a_version_8_uuid()
    {
        var id = SeedEventIdentity.EventId("round-2023", 4);

        Assert.Equal(id, SeedEventIdentity.EventId("round-2023", 4));
        Assert.NotEqual(id, SeedEventIdentity.EventId("round-2023", 5));
        Assert.NotEqual(id, SeedEventIdentity.EventId("round-2021", 4));
        Assert.Equal(8, id.Version);
        Assert.Equal('8', id.ToString("D")[14]);
        Assert.Contains(id.ToString("D")[19], "89ab");
    }

    [Fact]
    public void A_seeded_decision_s_salt_is_public_and_named_by_its_place() =>
        Assert.Equal("kvk-seed:round-2023:9", SeedEventIdentity.Salt("round-2023", 9));

    [Fact]
    public void The_seed_names_its_release_date_a_day_at_midnight_utc()
    {
        var released = SeedHistory.Load(SeedFiles.Rounds).Released;

        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (released.Offset, released.TimeOfDay));
    }
}
