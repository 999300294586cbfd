using Kvk.Domain.PublicLog;

namespace Kvk.Domain.Tests.PublicLog;

public sealed class DataVersionTests
{
    [Theory]
    [InlineData("110-3fa9c1e2", 110, "3fa9c1e2")]
    [InlineData("0-00000000", 0, "00000000")]
    public void A_data_version_reads_as_its_position_and_hash_prefix(string text, long position, string prefix)
    {
        Assert.True(PublicLogHash.TryParseDataVersion(text, out var readPosition, out var readPrefix));
        Assert.Equal((position, prefix), (readPosition, readPrefix));
        Assert.Equal(text, PublicLogHash.DataVersion(position, prefix + new string('0', 56)));
    }

    [Theory]
    [InlineData("v110")]
    [InlineData("110")]
    [InlineData("110-3FA9C1E2")]
    [InlineData("0110-3fa9c1e2")]
    [InlineData("110-3fa9c1e")]
    [InlineData("110-3fa9c1e2a")]
    [InlineData("-1-3fa9c1e2")]
    [InlineData("0-12345678")]
    [InlineData("99999999999999999999-3fa9c1e2")]
    [InlineData("")]
    public void Other_text_is_no_data_version(string text) => Assert.False(PublicLogHash.TryParseDataVersion(text, out _, out _));
}
