using System.Security.Cryptography;
using System.Text;

namespace Kvk.Graph.Secretariat;

/// <summary>A configured secretariat credential: the actor's name and the SHA-256 of the token (never the token itself).</summary>
public sealed record SecretariatToken(string Name, byte[] Sha256);

/// <summary>
/// The tokens that may record rounds. From configuration only: <c>KVK_SECRETARIAT_TOKEN</c> (one token, named by
/// <c>KVK_SECRETARIAT_NAME</c> or "secretariat") and/or <c>Kvk:Secretariat:Tokens</c> as a list of <c>{ Name, Sha256 }</c>.
/// In Development with neither, a serving host prints the token of <c>.kvk/secretariat-token</c>, made on the first start
/// (<see cref="DevelopmentToken"/>).
/// </summary>
public sealed class SecretariatTokens
{
    public const string TokenVariable = "KVK_SECRETARIAT_TOKEN";
    public const string NameVariable = "KVK_SECRETARIAT_NAME";
    public const string TokensSection = "Kvk:Secretariat:Tokens";
    public const string DefaultName = "secretariat";

    private readonly IReadOnlyList<SecretariatToken> _tokens;

    public SecretariatTokens(IReadOnlyList<SecretariatToken> tokens) => _tokens = tokens;

    public int Count => _tokens.Count;

    /// <summary>The actor name bound to a token, or null. Every configured hash is compared, each in constant time.</summary>
    public string? Authenticate(string token)
    {
        var hash = Hash(token);
        string? name = null;
        foreach (var known in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, known.Sha256))
            {
                name ??= known.Name;
            }
        }

        return name;
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <param name="serving">False for an operator's command (<see cref="Hosting.CommandLine.Serves"/>).</param>
    public static SecretariatTokens FromConfiguration(IConfiguration configuration, IHostEnvironment environment, string workingDirectory, bool serving)
    {
        var tokens = new List<SecretariatToken>();
        if (configuration[TokenVariable] is { Length: > 0 } token)
        {
            tokens.Add(new SecretariatToken(configuration[NameVariable] is { Length: > 0 } name ? name : DefaultName, Hash(token)));
        }

        foreach (var entry in configuration.GetSection(TokensSection).GetChildren())
        {
            var name = entry["Name"];
            var hex = entry["Sha256"];
            if (string.IsNullOrWhiteSpace(name) || hex is not { Length: 64 })
            {
                throw new InvalidOperationException($"{TokensSection}:{entry.Key} needs a Name and a Sha256 (64 hex digits, the SHA-256 of the token).");
            }

            tokens.Add(new SecretariatToken(name.Trim(), Convert.FromHexString(hex)));
        }

        // Only a serving host makes or prints one: a command beside it uses the database and leaves the host's token alone.
        if (tokens.Count == 0 && serving && environment.IsDevelopment())
        {
            var path = Path.Combine(workingDirectory, ".kvk", "secretariat-token");
            var development = DevelopmentToken.ReadOrCreate(path);
            Console.WriteLine($"Secretariat token for development (also in {path}):\n  {development}");
            tokens.Add(new SecretariatToken(configuration[NameVariable] is { Length: > 0 } devName ? devName : DefaultName, Hash(development)));
        }

        return new SecretariatTokens(tokens);
    }
}
