namespace Kvk.Graph.Engine.Lists;

/// <summary>
/// Where the compilers are within an entity: its rows' source in SQL, the path from the list's root (for errors),
/// and for a related row read through a <see cref="Lookup"/>, the outer row's shortcuts and whether the related
/// row itself was needed at all (when not, no subquery is made).
/// </summary>
internal sealed class Scope
{
    private readonly string _source;
    private readonly Scope? _outer;
    private readonly IReadOnlyDictionary<string, Func<string, string>>? _shortcuts;
    private readonly string _shortcutPrefix;
    private readonly string _path;
    private readonly Scope? _usedWith;
    private bool _used;

    public Scope(Entity entity, string source, string path = "")
        : this(entity, source, path, null, null, "", null)
    {
    }

    private Scope(
        Entity entity,
        string source,
        string path,
        Scope? outer,
        IReadOnlyDictionary<string, Func<string, string>>? shortcuts,
        string shortcutPrefix,
        Scope? usedWith)
    {
        Entity = entity;
        _source = source;
        _path = path;
        _outer = outer;
        _shortcuts = shortcuts;
        _shortcutPrefix = shortcutPrefix;
        _usedWith = usedWith;
    }

    public Entity Entity { get; }

    /// <summary>Whether this related row's own source was read (an embedded scope reports to the scope it is in).</summary>
    public bool Used => _usedWith?.Used ?? _used;

    public string Path(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    /// <summary>This row's source, noted as used.</summary>
    public string Source()
    {
        MarkUsed();
        return _source;
    }

    /// <summary>A value of this entity: from the outer row when it carries it, else from this row.</summary>
    public string Value(ValueMember value) =>
        _shortcuts?.GetValueOrDefault(_shortcutPrefix + value.Name) is { } shortcut ? shortcut(_outer!.Source()) : value.Sql(Source());

    /// <summary>An embedded entity: its source derives from this row's, and its shortcuts continue this scope's.</summary>
    public Scope Embedded(OneMember one, Embedded embedded) =>
        new(one.Target(), embedded.Source(_source), Path(one.Name), _outer, _shortcuts, _shortcutPrefix + one.Name + ".", _usedWith ?? this);

    /// <summary>A related row in its table, under <paramref name="alias"/>, with this row's shortcuts to it.</summary>
    public Scope Lookup(OneMember one, Entity target, string alias, Lookup lookup) =>
        new(target, alias, Path(one.Name), this, lookup.Shortcuts, "", null);

    private void MarkUsed()
    {
        if (_usedWith is not null)
        {
            _usedWith.MarkUsed();
        }
        else
        {
            _used = true;
        }
    }
}
