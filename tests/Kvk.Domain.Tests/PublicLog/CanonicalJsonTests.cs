using Kvk.Domain.PublicLog;

namespace Kvk.Domain.Tests.PublicLog;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Members_are_sorted_by_their_names_code_units_at_every_depth_and_whitespace_goes()
    {
        Assert.Equal(
            """{"A":[3,{"a":1,"b":2}],"a":null,"b":true,"é":"x"}""",
            CanonicalJson.Of("""{ "é": "x", "b": true, "a": null, "A": [ 3, { "b": 2, "a": 1 } ] }"""));
    }

    [Fact]
    public void Strings_keep_their_characters_and_escape_only_what_json_requires()
    {
        Assert.Equal(
            "\"Höganäs \\\"kommun\\\" \\\\ \\n\\t\\u0000\\u001f € /\"",
            CanonicalJson.Of("\"H\\u00f6gan\\u00e4s \\\"kommun\\\" \\\\ \\n\\t\\u0000\\u001f \\u20ac \\/\""));
    }

    [Fact]
    public void The_same_value_written_two_ways_has_one_canonical_text()
    {
        Assert.Equal(CanonicalJson.Of("""{"year":2023,"name":"Lund"}"""), CanonicalJson.Of("{\n  \"name\" : \"Lund\",\n  \"year\" : 2023.0e0\n}"));
    }
}
