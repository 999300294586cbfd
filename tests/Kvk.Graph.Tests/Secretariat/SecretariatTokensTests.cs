using Kvk.Graph.Secretariat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Kvk.Graph.Tests.Secretariat;

public sealed class SecretariatTokensTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kvk-token-test-").FullName;

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };

    [Fact]
    public void The_environment_token_is_bound_to_the_configured_name()
    {
        var tokens = SecretariatTokens.FromConfiguration(
            Configuration(("KVK_SECRETARIAT_TOKEN", "s3cret"), ("KVK_SECRETARIAT_NAME", "Maja")),
            Environment(Environments.Production),
            _directory,
            serving: true);

        Assert.Equal("Maja", tokens.Authenticate("s3cret"));
        Assert.Null(tokens.Authenticate("s3cre"));
        Assert.Null(tokens.Authenticate(""));
    }

    [Fact]
    public void Configured_tokens_are_hashes_and_name_their_secretary()
    {
        var tokens = SecretariatTokens.FromConfiguration(
            Configuration(
                ("Kvk:Secretariat:Tokens:0:Name", "Anna"),
                ("Kvk:Secretariat:Tokens:0:Sha256", Convert.ToHexString(SecretariatTokens.Hash("anna-token"))),
                ("Kvk:Secretariat:Tokens:1:Name", "Bo"),
                ("Kvk:Secretariat:Tokens:1:Sha256", Convert.ToHexString(SecretariatTokens.Hash("bo-token")).ToLowerInvariant())),
            Environment(Environments.Production),
            _directory, serving: true);

        Assert.Equal("Anna", tokens.Authenticate("anna-token"));
        Assert.Equal("Bo", tokens.Authenticate("bo-token"));
        Assert.Null(tokens.Authenticate(Convert.ToHexString(SecretariatTokens.Hash("anna-token"))));
    }

    [Fact]
    public void A_malformed_configured_hash_stops_the_host_with_a_clear_message()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SecretariatTokens.FromConfiguration(
            Configuration(("Kvk:Secretariat:Tokens:0:Name", "Anna"), ("Kvk:Secretariat:Tokens:0:Sha256", "abc")),
            Environment(Environments.Production),
            _directory, serving: true));

        Assert.Contains("Kvk:Secretariat:Tokens:0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_tokens_development_generates_one_and_writes_it_under_dot_kvk()
    {
        var tokens = SecretariatTokens.FromConfiguration(Configuration(), Environment(Environments.Development), _directory, serving: true);

        var written = File.ReadAllText(Path.Combine(_directory, ".kvk", "secretariat-token")).Trim();
        Assert.True(written.Length >= 40);
        Assert.Equal(SecretariatTokens.DefaultName, tokens.Authenticate(written));
    }

    [Fact]
    public void A_later_development_host_reuses_the_token_of_the_first()
    {
        var first = SecretariatTokens.FromConfiguration(Configuration(), Environment(Environments.Development), _directory, serving: true);
        var path = Path.Combine(_directory, ".kvk", "secretariat-token");
        var written = File.ReadAllText(path).Trim();

        var second = SecretariatTokens.FromConfiguration(Configuration(), Environment(Environments.Development), _directory, serving: true);

        Assert.Equal(written, File.ReadAllText(path).Trim());
        Assert.Equal(SecretariatTokens.DefaultName, first.Authenticate(written));
        Assert.Equal(SecretariatTokens.DefaultName, second.Authenticate(written));
    }

    [Fact]
    public void A_command_in_development_neither_makes_nor_replaces_a_token()
    {
        var path = Path.Combine(_directory, ".kvk", "secretariat-token");

        var command = SecretariatTokens.FromConfiguration(Configuration(), Environment(Environments.Development), _directory, serving: false);

        Assert.Equal(0, command.Count);
        Assert.False(File.Exists(path));
        SecretariatTokens.FromConfiguration(Configuration(), Environment(Environments.Development), _directory, serving: true);
        var hosts = File.ReadAllText(path);
        SecretariatTokens.FromConfiguration(Configuration(), Environment(Environments.Development), _directory, serving: false);
        Assert.Equal(hosts, File.ReadAllText(path));
    }

    [Fact]
    public void Without_tokens_production_accepts_none()
    {
        var tokens = SecretariatTokens.FromConfiguration(Configuration(), Environment(Environments.Production), _directory, serving: true);

        Assert.Equal(0, tokens.Count);
        Assert.False(File.Exists(Path.Combine(_directory, ".kvk", "secretariat-token")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
