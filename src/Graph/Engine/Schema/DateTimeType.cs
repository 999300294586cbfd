using System.Globalization;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Kvk.Graph.Engine.Schema;

/// <summary>
/// HotChocolate's <c>DateTime</c> scalar, to its specification (graphql-scalars.com/date-time, i.e. RFC 3339's
/// date-time): written with its offset, and read strictly, so that a date without a time or a time without an offset
/// is refused with the expected form rather than guessed at in the server's zone.
/// </summary>
public sealed partial class DateTimeType : DateTimeOffsetGraphType
{
    public const string SpecificationUrl = "https://www.graphql-scalars.com/date-time";

    public DateTimeType()
    {
        Name = "DateTime";
        Description = "A date and time with its offset, as RFC 3339 defines it (e.g. \"2023-11-15T19:00:00+01:00\" or \"2023-11-15T18:00:00Z\"). Input must " +
            "have both a time and an offset: a date alone or a time without offset is refused.";
        this.ApplyDirective(CurrentSpecIntrospection.SpecifiedBy, "url", SpecificationUrl);
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => Parse((string)s.Value),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => Parse(s),
        DateTimeOffset d => d,
        _ => ThrowValueConversionError(value),
    };

    /// <summary>Any string is taken to <see cref="ParseLiteral"/>, so that a malformed one is refused with the expected form.</summary>
    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLNullValue or GraphQLStringValue;

    private static DateTimeOffset Parse(string text) => TryParse(text, out var moment)
        ? moment
        : throw new ExpectedFormException($"\"{Shorten(text)}\" is not an RFC 3339 date-time: expected a date, a time and an offset, e.g. " +
            "\"2023-11-15T19:00:00+01:00\" or \"2023-11-15T18:00:00Z\".");

    private static bool TryParse(string text, out DateTimeOffset moment)
    {
        moment = default;
        return Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out moment);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(
        @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 100)]
    private static partial Regex Rfc3339();
}
