using System.Globalization;

namespace Kvk.Domain.Sources;

/// <summary>How much of a date a source gives.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>
/// A date as precise as its source gives it: "2019", "2019-11" or "2019-11-14". Nothing is invented to fill it up:
/// a year stays a year.
/// </summary>
public sealed record PartialDate(string Value, DatePrecision Precision)
{
    private static readonly (string Format, DatePrecision Precision)[] Forms =
    [
        ("yyyy", DatePrecision.Year),
        ("yyyy-MM", DatePrecision.Month),
        ("yyyy-MM-dd", DatePrecision.Day),
    ];

    /// <summary>The date of <paramref name="text"/> when it is YYYY, YYYY-MM or YYYY-MM-DD and a real date; null otherwise.</summary>
    public static PartialDate? Parse(string? text)
    {
        foreach (var (format, precision) in Forms)
        {
            if (text is not null && text.Length == format.Length
                && DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return new PartialDate(text, precision);
            }
        }

        return null;
    }

    /// <summary>The date of a known day of announcement: the calendar day where it happened.</summary>
    public static PartialDate Of(DateTimeOffset moment) =>
        new(moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DatePrecision.Day);

    public static PartialDate OfYear(int year) => new(year.ToString("D4", CultureInfo.InvariantCulture), DatePrecision.Year);
}
