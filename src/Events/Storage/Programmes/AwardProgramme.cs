using Kvk.Domain.Rounds;

namespace Kvk.Storage.Programmes;

/// <summary>
/// Which award programme a round belongs to. Kvk serves Sveriges KvalitetsKommun; the store may hold
/// rounds of other programmes (the benchmark's synthetic ones), whose streams are named
/// "{programme}/round-{year}". The main programme's streams keep their plain names ("round-2023").
/// </summary>
public static class AwardProgramme
{
    public const string Main = "sveriges-kvalitetskommun";

    public static string StreamKey(string programme, int year) => programme == Main ? AwardYear.StreamKey(year) : $"{programme}/{AwardYear.StreamKey(year)}";

    public static string Of(string streamKey)
    {
        var slash = streamKey.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? Main : streamKey[..slash];
    }
}
