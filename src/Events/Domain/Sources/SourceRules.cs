using Kvk.Domain.Rounds;

namespace Kvk.Domain.Sources;

/// <summary>What a source given with a command must be: a title, an absolute http(s) address if any, a date as YYYY, YYYY-MM or YYYY-MM-DD if any.</summary>
public static class SourceRules
{
    public const int MaxTitleLength = 500;

    public const int MaxUrlLength = 2000;

    /// <summary>The refusal of an invalid source; null when the source is valid or absent.</summary>
    public static RoundOutcome? Invalid(Source? source)
    {
        if (source is null)
        {
            return null;
        }

        if (RoundRules.RequiredText(source.Title, "source's title", MaxTitleLength) is { } title)
        {
            return title;
        }

        if (source.Publisher is not null && RoundRules.RequiredText(source.Publisher, "source's publisher", RoundRules.MaxNameLength) is { } publisher)
        {
            return publisher;
        }

        if (source.Url is { } url && !IsWebAddress(url))
        {
            return RoundOutcome.Refuse(RefusalCode.InvalidInput, $"The source's url \"{url}\" is not an absolute http or https address (at most " +
                $"{MaxUrlLength} characters), e.g. \"https://kvalitetsmassan.se/\".");
        }

        return source.PublishedOn is { } date && PartialDate.Parse(date) is null
            ? RoundOutcome.Refuse(RefusalCode.InvalidInput, $"The source's publishedOn \"{date}\" is not a date written YYYY, YYYY-MM or YYYY-MM-DD.")
            : null;
    }

    /// <summary>The source as recorded: trimmed, with what it supports.</summary>
    public static IReadOnlyList<Source>? Recorded(Source? source, string supports) => source is null
        ? null
        : [new Source(source.Title.Trim(), source.Publisher?.Trim(), source.Url?.Trim(), source.PublishedOn, supports)];

    private static bool IsWebAddress(string url) =>
        url.Length <= MaxUrlLength
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
