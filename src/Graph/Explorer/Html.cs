using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kvk.Domain.Rounds;

namespace Kvk.Graph.Explorer;

/// <summary>
/// A fragment of HTML that is safe to write as it is. The only way to make one is an interpolated string
/// (<see cref="Of"/>), whose literal parts are the page's markup and whose every value is escaped unless
/// it is itself an <see cref="Html"/>: no page can write a name, a motivation or a search text unescaped.
/// </summary>
public readonly struct Html
{
    /// <summary>Escapes for text and double-quoted attribute values; Swedish letters stay as they are (UTF-8).</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly string? _value;

    private Html(string value) => _value = value;

    public static Html Empty { get; } = new("");

    public string Value => _value ?? "";

    public static Html Of(HtmlBuilder builder) => new(builder.Build());

    public static Html Join(IEnumerable<Html> fragments) => new(string.Concat(fragments.Select(f => f.Value)));

    /// <summary>A table's column headings, each a <c>th</c> of the column's scope.</summary>
    public static Html ColumnHeads(params string[] names) => Join(names.Select(name => Of($"<th scope=\"col\">{name}</th>")));

    /// <summary>The fragment when <paramref name="condition"/> holds; otherwise nothing, and its values are not even evaluated.</summary>
    public static Html If(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] HtmlBuilder builder) =>
        condition ? new(builder.Build()) : Empty;

    /// <summary>
    /// Text with named placeholders (<see cref="Placeholders"/>) in an element's content: its own text escaped as text
    /// (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>; quotes stay as written), each placeholder the fragment
    /// <paramref name="value"/> gives for it; null when it gives none for one.
    /// </summary>
    public static Html? Template(string template, Func<string, Html?> value)
    {
        var text = new StringBuilder(template.Length + 64);
        foreach (var (part, isName) in Placeholders.Parts(template))
        {
            if (!isName)
            {
                text.Append(part
                    .Replace("&", "&amp;", StringComparison.Ordinal)
                    .Replace("<", "&lt;", StringComparison.Ordinal)
                    .Replace(">", "&gt;", StringComparison.Ordinal));
            }
            else if (value(part) is { } fragment)
            {
                text.Append(fragment.Value);
            }
            else
            {
                return null;
            }
        }

        return new(text.ToString());
    }

    public override string ToString() => Value;

    /// <summary>Collects an interpolated string: literals as markup, values escaped.</summary>
    [InterpolatedStringHandler]
    public ref struct HtmlBuilder
    {
        private readonly StringBuilder _text;

        public HtmlBuilder(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + (formattedCount * 16));

        public HtmlBuilder(int literalLength, int formattedCount, bool condition, out bool isEnabled)
        {
            isEnabled = condition;
            _text = condition ? new StringBuilder(literalLength + (formattedCount * 16)) : new StringBuilder();
        }

        public readonly void AppendLiteral(string literal) => _text.Append(literal);

        public readonly void AppendFormatted(Html html) => _text.Append(html.Value);

        public readonly void AppendFormatted(IEnumerable<Html> fragments)
        {
            foreach (var fragment in fragments)
            {
                _text.Append(fragment.Value);
            }
        }

        public readonly void AppendFormatted(string? text) => _text.Append(Encoder.Encode(text ?? ""));

        public readonly void AppendFormatted(int number) => _text.Append(number.ToString(CultureInfo.InvariantCulture));

        internal readonly string Build() => _text.ToString();
    }
}
