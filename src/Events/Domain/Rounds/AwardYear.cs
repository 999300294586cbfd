namespace Kvk.Domain.Rounds;

/// <summary>Which years can be award years, and how a round's stream is named.</summary>
public static class AwardYear
{
    /// <summary>The first award was given in 2003.</summary>
    public const int First = 2003;

    /// <summary>A generous upper bound: far enough ahead for planning, close enough to catch typos.</summary>
    public const int Last = 2199;

    /// <summary>The award is given every other year, so award years are odd.</summary>
    public static bool IsPlausible(int year) => year is >= First and <= Last && year % 2 == 1;

    public static string StreamKey(int year) => $"round-{year}";
}
