using Kvk.Storage.Programmes;

namespace Kvk.Storage.Tests.Programmes;

public sealed class AwardProgrammeTests
{
    [Fact]
    public void The_main_programmes_streams_keep_their_plain_names_and_others_are_prefixed()
    {
        Assert.Equal(("round-2027", "bench/round-2027"), (AwardProgramme.StreamKey(AwardProgramme.Main, 2027), AwardProgramme.StreamKey("bench", 2027)));
        Assert.Equal((AwardProgramme.Main, "bench"), (AwardProgramme.Of("round-2027"), AwardProgramme.Of("bench/round-2027")));
    }

    [Theory]
    [InlineData(AwardProgramme.Main)]
    [InlineData("bench")]
    [InlineData("")]
    public void A_stream_key_names_its_programme_back_whatever_the_programme(string programme) =>
        Assert.Equal(programme, AwardProgramme.Of(AwardProgramme.StreamKey(programme, 2027)));
}
