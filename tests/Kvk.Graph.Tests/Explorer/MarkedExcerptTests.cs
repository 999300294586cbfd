using Kvk.Graph.Explorer;

namespace Kvk.Graph.Tests.Explorer;

public sealed class MarkedExcerptTests
{
    [Fact]
    public void The_text_of_an_excerpt_is_escaped_and_its_marks_become_elements()
    {
        var html = SearchPage.Marked("Tydlig <mark>styrning</mark> & <b>dialog</b> \"A\"");

        Assert.Equal("Tydlig <mark>styrning</mark> &amp; &lt;b&gt;dialog&lt;/b&gt; &quot;A&quot;", html.Value);
    }

    [Theory]
    [InlineData("a </mark> b", "a &lt;/mark&gt; b")]
    [InlineData("<mark>a", "<mark>a</mark>")]
    [InlineData("<mark>a <mark>b</mark>", "<mark>a &lt;mark&gt;b</mark>")]
    [InlineData("<mark>a</mark><mark>b</mark> c", "<mark>a</mark><mark>b</mark> c")]
    public void Marks_written_always_pair_up(string excerpt, string expected) =>
        Assert.Equal(expected, SearchPage.Marked(excerpt).Value);

    [Fact]
    public void Every_interpolated_value_is_escaped_unless_it_is_html_already()
    {
        var name = "<script>\"Å & Ö\"</script>";
        var inner = Html.Of($"<em>{name}</em>");

        var outer = Html.Of($"<p title=\"{name}\">{inner} {2027}</p>");

        Assert.Equal("<p title=\"&lt;script&gt;&quot;Å &amp; Ö&quot;&lt;/script&gt;\"><em>&lt;script&gt;&quot;Å &amp; " +
            "Ö&quot;&lt;/script&gt;</em> 2027</p>", outer.Value);
    }

    [Fact]
    public void A_conditional_fragment_evaluates_nothing_when_its_condition_fails()
    {
        string? missing = null;

        var html = Html.If(missing is not null, $"<p>{missing!.Length}</p>");

        Assert.Equal("", html.Value);
    }
}
