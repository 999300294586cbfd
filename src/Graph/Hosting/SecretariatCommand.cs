using System.Globalization;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Secretariat.Credentials;

namespace Kvk.Graph.Hosting;

/// <summary>
/// <c>secretariat issue|revoke|list</c>: an operator's credentials in the database. It opens only the database (the
/// configured one, or the local cluster under <c>.kvk/</c>), never a host, so it neither makes nor prints a development token.
/// </summary>
public static class SecretariatCommand
{
    public const string Name = "secretariat";

    /// <summary>A date without a time means through that whole day in Sweden, where the award is.</summary>
    private static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public const string Usage = """
        Usage:
          secretariat issue --name "<name>" --expires <yyyy-mm-dd> [--role secretariat|press]
          secretariat revoke --name "<name>" | --id <id>
          secretariat list
        Any other argument configures the database as for the host (e.g. --ConnectionStrings:Kvk=...).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (verb, options, hostArguments) = Split(args);
        if (verb is not ("issue" or "revoke" or "list"))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var configuration = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArguments, ContentRootPath = AppContext.BaseDirectory })
            .Configuration;
        await using var database = await KvkDatabase.OpenAsync(configuration, cancellationToken);
        await using var dataSource = DataSources.Create(database.ConnectionString);
        await CredentialTables.EnsureAsync(dataSource, cancellationToken);
        var store = new CredentialStore(dataSource, TimeProvider.System);
        return verb switch
        {
            "issue" => await IssueAsync(store, options, output, error, cancellationToken),
            "revoke" => await RevokeAsync(store, options, output, error, cancellationToken),
            _ => await ListAsync(store, SecretariatTokens.Configured(configuration), output, cancellationToken),
        };
    }

    private static async Task<int> IssueAsync(
        CredentialStore store, Dictionary<string, string> options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!options.TryGetValue("name", out var name) || !options.TryGetValue("expires", out var expires))
        {
            await error.WriteLineAsync("A credential needs --name and --expires (its expiry is required).\n" + Usage);
            return 2;
        }

        if (Expiry(expires) is not { } expiresAt)
        {
            await error.WriteLineAsync($"--expires {expires} is not a date: write it as yyyy-mm-dd (valid through that day, Swedish time).");
            return 2;
        }

        var request = new CredentialRequest(name, options.GetValueOrDefault("role", Viewer.SecretariatRole), expiresAt);
        if (request.Refusal(TimeProvider.System.GetUtcNow()) is { } refusal)
        {
            await error.WriteLineAsync(refusal);
            return 2;
        }

        var (token, issued) = await store.IssueAsync(request, cancellationToken);
        await output.WriteLineAsync(
            $"Issued a {issued.Role} credential to {issued.Name} (id {issued.Id}), valid until {Moment(issued.ExpiresAt)}.\n" +
            "Its token, shown this once and stored nowhere (only its SHA-256 is kept): hand it over by a safe channel.\n" +
            $"  {token}");
        return 0;
    }

    private static async Task<int> RevokeAsync(
        CredentialStore store, Dictionary<string, string> options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if ((options.GetValueOrDefault("id") ?? options.GetValueOrDefault("name")) is not { Length: > 0 } which)
        {
            await error.WriteLineAsync("Name the credential to revoke: --name \"<name>\" or --id <id>.\n" + Usage);
            return 2;
        }

        var revoked = await store.RevokeAsync(which, cancellationToken);
        if (revoked.Count == 0)
        {
            await error.WriteLineAsync($"No unrevoked credential is issued to {which}. (A configured token is revoked by removing it from the configuration.)");
            return 1;
        }

        foreach (var credential in revoked)
        {
            await output.WriteLineAsync($"Revoked the {credential.Role} credential of {credential.Name} (id {credential.Id}): refused on every host " +
                $"within {CredentialCache.MaxAge.TotalSeconds:0} s at most.");
        }

        return 0;
    }

    /// <summary>Never a token or a hash: names, roles and dates only.</summary>
    private static async Task<int> ListAsync(
        CredentialStore store, IReadOnlyList<SecretariatToken> configured, TextWriter output, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        await output.WriteLineAsync("name\trole\tid\tissued\texpires\trevoked\tlast used\tstatus");
        foreach (var c in await store.AllAsync(cancellationToken))
        {
            await output.WriteLineAsync(string.Join('\t', c.Name, c.Role, c.Id, Moment(c.IssuedAt), Moment(c.ExpiresAt), Moment(c.RevokedAt),
                Moment(c.LastUsedAt), c.StatusAt(now).ToString().ToLowerInvariant()));
        }

        foreach (var token in configured)
        {
            await output.WriteLineAsync(string.Join('\t', token.Name, Viewer.SecretariatRole, "(configured)", "-", "never (configured: no expiry)", "-", "-",
                "valid until removed from the configuration"));
        }

        return 0;
    }

    /// <summary>The verb, its <c>--option value</c> pairs, and everything else for the configuration.</summary>
    private static (string? Verb, Dictionary<string, string> Options, string[] HostArguments) Split(string[] args)
    {
        string[] known = ["--name", "--expires", "--role", "--id"];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (known.Contains(args[i]) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (args.FirstOrDefault(), options, [.. rest]);
    }

    /// <summary>A date (through its end in Sweden) or a moment with its offset; null for anything else.</summary>
    public static DateTimeOffset? Expiry(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, Sweden.GetUtcOffset(midnight));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) && text.Contains('T', StringComparison.Ordinal)
            ? moment
            : null;
    }

    private static string Moment(DateTimeOffset? moment) =>
        moment is { } m ? TimeZoneInfo.ConvertTime(m, Sweden).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) : "-";
}
