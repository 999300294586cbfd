using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;

namespace Kvk.Domain.Tests.Sources;

public sealed class SourceRulesTests
{
    private static Source With(string title = "Titel", string? publisher = null, string? url = null, string? publishedOn = null) =>
        new(title, publisher, url, publishedOn, "");

    [Theory]
    [InlineData("https://kvalitetsmassan.se/", null, true)]
    [InlineData("http://skl.se/a?b=c", "2018-05-31", true)]
    [InlineData(null, "2019", true)]
    [InlineData(null, "2019-11", true)]
    [InlineData("kvalitetsmassan.se", null, false)]
    [InlineData("mailto:info@kvalitetsmassan.se", null, false)]
    [InlineData("ftp://kvalitetsmassan.se/", null, false)]
    [InlineData("https://", null, false)]
    [InlineData(null, "2019-11-31", false)]
    [InlineData(null, "19", false)]
    [InlineData(null, "2019/11/14", false)]
    public void A_source_is_valid_with_an_absolute_web_address_and_a_date_of_year_month_or_day(string? url, string? publishedOn, bool valid) =>
        Assert.Equal(valid ? null : RefusalCode.InvalidInput, SourceRules.Invalid(With(url: url, publishedOn: publishedOn))?.Refusal?.Code);

    [Fact]
    public void No_source_is_valid() => Assert.Null(SourceRules.Invalid(null));

    [Theory]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("Titel", "")]
    [InlineData("Titel", " ")]
    public void A_source_needs_a_title_and_a_publisher_it_names_is_not_blank(string title, string? publisher) =>
        Assert.Equal(RefusalCode.InvalidInput, SourceRules.Invalid(With(title, publisher))?.Refusal?.Code);

    [Fact]
    public void Title_publisher_and_address_are_accepted_up_to_their_limits_and_refused_beyond()
    {
        var url = "https://kvalitetsmassan.se/" + new string('a', SourceRules.MaxUrlLength - "https://kvalitetsmassan.se/".Length);
        Assert.Null(SourceRules.Invalid(With(new string('t', SourceRules.MaxTitleLength), new string('p', RoundRules.MaxNameLength), url)));
        Assert.NotNull(SourceRules.Invalid(With(new string('t', SourceRules.MaxTitleLength + 1))));
        Assert.NotNull(SourceRules.Invalid(With(publisher: new string('p', RoundRules.MaxNameLength + 1))));
        Assert.NotNull(SourceRules.Invalid(With(url: url + "a")));
    }

    [Fact]
    public void A_source_is_recorded_trimmed_with_what_it_supports()
    {
        var given = new Source(" Pressmeddelande ", " Kvalitetsmässan ", " https://kvalitetsmassan.se/ ", "2019-11", "ignored");

        Assert.Equal(
            [new Source("Pressmeddelande", "Kvalitetsmässan", "https://kvalitetsmassan.se/", "2019-11", SourceSupports.Nomination)],
            SourceRules.Recorded(given, SourceSupports.Nomination));
        Assert.Null(SourceRules.Recorded(null, SourceSupports.Nomination));
        Assert.Null(SourceRules.Invalid(given));
    }
}
