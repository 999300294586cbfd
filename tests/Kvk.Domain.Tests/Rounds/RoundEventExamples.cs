using System.Reflection;
using Kvk.Domain.Rounds;
using Kvk.Domain.Sources;

namespace Kvk.Domain.Tests.Rounds;

/// <summary>
/// An example of every kind of round event, made from its record's constructor, so that a test can walk them all
/// (<see cref="RoundEventCatalogue.All"/>) without a list of its own. Shared with the host's tests (linked there).
/// </summary>
public static class RoundEventExamples
{
    /// <summary>Habo: the municipality every example concerns.</summary>
    public const string MunicipalityCode = "0643";

    public const string MunicipalityName = "Habo";

    public static readonly DateTimeOffset Moment = new(2027, 11, 18, 19, 0, 0, TimeSpan.FromHours(1));

    public static readonly Source Source = new(
        "Habo är Sveriges KvalitetsKommun",
        "Kvalitetsmässan",
        "https://example.org/habo",
        "2027-11-18",
        SourceSupports.NomineeList);

    public static IRoundEvent Of(RoundEventKind kind)
    {
        var constructor = kind.Type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return (IRoundEvent)constructor.Invoke([.. constructor.GetParameters().Select(Value)]);
    }

    private static object? Value(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(int) => 2027,
        var t when t == typeof(string) && parameter.Name == "MunicipalityCode" => MunicipalityCode,
        var t when t == typeof(string) => $"{parameter.Name} of the example.",
        var t when t == typeof(DateTimeOffset) || t == typeof(DateTimeOffset?) => Moment,
        var t when t == typeof(IReadOnlyList<Source>) => new[] { Source },
        var t when t.IsEnum => Enum.GetValues(t).GetValue(0),
        _ => throw new NotSupportedException($"No example for {parameter.Member.DeclaringType!.Name}.{parameter.Name} ({parameter.ParameterType.Name}): add " +
            "one to RoundEventExamples."),
    };
}
