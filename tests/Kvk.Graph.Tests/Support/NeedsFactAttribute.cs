namespace Kvk.Graph.Tests.Support;

/// <summary>What a test needs beyond .NET and PostgreSQL.</summary>
[Flags]
public enum Needs
{
    /// <summary>Node.js and the packages of tests/js, which the test project's build installs when npm is there.</summary>
    NodeTooling = 1,

    /// <summary>Debian's Chromium at /usr/bin/chromium (a test tool's own browser download cannot work offline).</summary>
    Chromium = 2,

    /// <summary>GraphiQL's files beside the host, which the host's build installs when npm is there.</summary>
    GraphiQL = 4,

    /// <summary>Root, to act as another user of the machine.</summary>
    Root = 8,
}

/// <summary>
/// A test that needs something outside .NET: skipped, with what to install, when that is missing, so that it never
/// passes without having run (xunit 2 has no skip at run time; the attribute decides at discovery). In CI
/// (<c>CI=true</c>, where .ci/run installs everything) it always runs, so that a missing install fails there.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NeedsFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public NeedsFactAttribute(Needs needs)
    {
        if (Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = Missing(needs);
        }
    }

    private static string? Missing(Needs needs)
    {
        var missing = new List<string>();
        if (needs.HasFlag(Needs.NodeTooling) && !NodeToolingInstalled())
        {
            missing.Add("the node tooling of tests/js (install Node.js and npm, e.g. apt-get install nodejs npm; the test project's build then installs it)");
        }

        if (needs.HasFlag(Needs.Chromium) && !File.Exists(Chromium))
        {
            missing.Add($"Chromium at {Chromium} (apt-get install chromium)");
        }

        if (needs.HasFlag(Needs.GraphiQL) && !File.Exists(Path.Combine(AppContext.BaseDirectory, "graphiql", "graphiql.min.js")))
        {
            missing.Add("GraphiQL's files beside the host (install Node.js and npm, e.g. apt-get install nodejs npm; the host's build then installs them)");
        }

        if (needs.HasFlag(Needs.Root) && !Environment.IsPrivilegedProcess)
        {
            missing.Add("root, to act as another user of the machine");
        }

        return missing.Count == 0 ? null : "Needs " + string.Join("; and ", missing) + ".";
    }

    private static bool NodeToolingInstalled() =>
        File.Exists(Path.Combine(NodeScript.ScriptsFolder, "node_modules", ".package-lock.json"))
        && (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "node")));
}
