using GraphQL.Types;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Schema;

namespace Kvk.Graph.Tests.Engine.Schema;

/// <summary>Codes, group names and enum values are spelled by one rule: the one GraphQL.NET's enum types use.</summary>
public sealed class ConstantNameTests
{
    [Theory]
    [InlineData("RoundNotFound", "ROUND_NOT_FOUND")]
    [InlineData("municipality.county", "MUNICIPALITY_COUNTY")]
    [InlineData("isWinner", "IS_WINNER")]
    [InlineData("wikidataId", "WIKIDATA_ID")]
    [InlineData("NotPublishedYet", "NOT_PUBLISHED_YET")]
    public void Names_are_spelled_as_constants(string name, string constant) => Assert.Equal(constant, ConstantName.Of(name));

    [Fact]
    public void A_constant_turns_back_into_a_type_name() => Assert.Equal("RoundNotFound", ConstantName.ToPascalCase("ROUND_NOT_FOUND"));

    [Fact]
    public void Every_enum_type_of_the_host_names_its_values_as_ConstantName_does()
    {
        var enumTypes = typeof(KvkSchema).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(EnumerationGraphType<>))
            .ToList();
        Assert.True(enumTypes.Count >= 5, $"Only {enumTypes.Count} enum types found.");
        foreach (var type in enumTypes)
        {
            var graphType = (EnumerationGraphType)Activator.CreateInstance(type)!;
            Assert.All(graphType.Values, v => Assert.Equal(ConstantName.Of(v.Value!.ToString()!), v.Name));
        }
    }
}
