using System.Globalization;
using GraphQL;

namespace Kvk.Graph.Lookups;

/// <summary>
/// The forms of the keys a single item is looked up by. A key of the wrong form is a client's mistake and says so
/// (<c>INVALID_INPUT</c>, naming the form); a key of the right form that names nothing is an answer: null.
/// </summary>
public static class LookupArguments
{
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>A municipality code: four digits, as text ("0180", not 180).</summary>
    public static bool IsMunicipalityCode(string code) => IsDigits(code, 4);

    /// <param name="hint">What the code probably meant, a sentence appended to the message.</param>
    public static ExecutionError InvalidMunicipalityCode(string code, string hint = "") =>
        Invalid($"`code` \"{code}\" is not a municipality code: it has four digits, as text, e.g. \"0180\" for Stockholm.{hint}");

    /// <summary>A county code: two digits, as text ("01", not 1).</summary>
    public static string CountyCode(string code) =>
        IsDigits(code, 2) ? code : throw Invalid($"`code` \"{code}\" is not a county code: it has two digits, as text, e.g. \"12\" for Skåne län.");

    /// <summary>An award year: four digits (the award has been given in odd years from 2003).</summary>
    public static int Year(int year) =>
        year is >= 1000 and <= 9999
            ? year
            : throw Invalid(string.Create(CultureInfo.InvariantCulture, $"`year` {year} is not a year: it has four digits, e.g. 2023."));

    private static bool IsDigits(string text, int length) => text.Length == length && text.All(char.IsAsciiDigit);

    private static ExecutionError Invalid(string message) => new(message) { Code = InvalidInput };
}
