using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.Engine.Pipeline;

/// <summary>A host started in Development, where errors suggest names.</summary>
public sealed class DevelopmentKvk : IAsyncLifetime
{
    public KvkTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await KvkTestServer.StartAsync(null, "--environment=Development");

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// A misspelt input field or enum value gets "Did you mean" exactly where a misspelt output field does: in
/// Development, in the same words; outside it, neither does.
/// </summary>
public sealed class InputSuggestionsTests(SeededKvk production, DevelopmentKvk development) : IClassFixture<SeededKvk>, IClassFixture<DevelopmentKvk>
{
    private const string OutputField = "{ awards { totalCont } }";
    private const string InputField = "{ awards(where: { yaer: { eq: 2023 } }) { totalCount } }";
    private const string NestedInputField = "{ awards(where: { municipality: { naem: { eq: \"Lomma\" } } }) { totalCount } }";
    private const string EnumValue = "{ awards(order: [{ year: ASCC }]) { totalCount } }";
    private const string VariableQuery = "query($w: AwardFilterInput) { awards(where: $w) { totalCount } }";

    private static string Message(JsonNode response) => (string)response["errors"]![0]!["message"]!;

    [Fact]
    public async Task In_development_a_misspelt_input_field_is_suggested_in_the_words_of_a_misspelt_output_field()
    {
        var output = Message(await development.Server.PostAsync(OutputField));
        var input = Message(await development.Server.PostAsync(InputField));

        Assert.EndsWith(" Did you mean 'totalCount'?", output, StringComparison.Ordinal);
        Assert.Equal("Argument 'where' has invalid value. In field 'yaer': Unknown field. Did you mean 'year'?", input);
        Assert.EndsWith(" Did you mean 'name'?", Message(await development.Server.PostAsync(NestedInputField)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_a_misspelt_enum_value_and_a_variable_s_misspelt_field_are_suggested_too()
    {
        var enumValue = await development.Server.PostAsync(EnumValue);
        var variable = await development.Server.PostAsync(VariableQuery, new { w = new { yaer = new { eq = 2023 } } });

        Assert.EndsWith(" Did you mean 'ASC'?", Message(enumValue), StringComparison.Ordinal);
        Assert.Equal("ARGUMENTS_OF_CORRECT_TYPE", (string?)enumValue["errors"]![0]!["extensions"]!["code"]);
        Assert.EndsWith(" Did you mean 'year'?", Message(variable), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OutputField, "totalCont")]
    [InlineData(InputField, "yaer")]
    [InlineData(NestedInputField, "naem")]
    [InlineData(EnumValue, "ASCC")]
    public async Task Outside_development_no_error_suggests_a_name(string query, string misspelt)
    {
        var message = Message(await production.Server.PostAsync(query));

        Assert.Contains(misspelt, message, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_a_variable_s_misspelt_field_is_not_suggested_either()
    {
        var message = Message(await production.Server.PostAsync(VariableQuery, new { w = new { yaer = new { eq = 2023 } } }));

        Assert.Contains("'yaer'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_near_nothing_gets_no_suggestion()
    {
        var message = Message(await development.Server.PostAsync("{ awards(where: { qqqqqqqq: { eq: 2023 } }) { totalCount } }"));

        Assert.Equal("Argument 'where' has invalid value. In field 'qqqqqqqq': Unknown field.", message);
    }
}
