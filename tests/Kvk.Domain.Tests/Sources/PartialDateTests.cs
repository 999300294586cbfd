using Kvk.Domain.Sources;

namespace Kvk.Domain.Tests.Sources;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2019", DatePrecision.Year)]
    [InlineData("2019-11", DatePrecision.Month)]
    [InlineData("2019-11-14", DatePrecision.Day)]
    public void A_date_keeps_the_precision_its_source_gives(string text, DatePrecision precision) =>
        Assert.Equal(new PartialDate(text, precision), PartialDate.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2019-13")]
    [InlineData("2019-02-29")]
    [InlineData("2019-1-4")]
    [InlineData("20191114")]
    public void What_is_no_date_of_year_month_or_day_is_none(string? text) => Assert.Null(PartialDate.Parse(text));

    [Fact]
    public void An_announcement_is_dated_by_the_calendar_day_of_its_moment() =>
        Assert.Equal(new PartialDate("2027-11-18", DatePrecision.Day), PartialDate.Of(new DateTimeOffset(2027, 11, 18, 23, 30, 0, TimeSpan.FromHours(1))));

    [Fact]
    public void A_year_is_written_with_four_digits() =>
        Assert.Equal((new PartialDate("2019", DatePrecision.Year), "0999"), (PartialDate.OfYear(2019), PartialDate.OfYear(999).Value));
}
