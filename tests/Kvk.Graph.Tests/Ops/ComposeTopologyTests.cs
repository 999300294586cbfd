using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kvk.Graph.Tests.Support;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace Kvk.Graph.Tests.Ops;

/// <summary>
/// docker-compose.yml cannot run on the project's machines (no Docker engine), so it is held to what
/// <c>ops/cluster</c> starts: the same services, each talking to the same others, from the same config files.
/// </summary>
public sealed partial class ComposeTopologyTests
{
    [Fact]
    public async Task Docker_compose_wires_the_same_services_as_ops_cluster_from_the_same_config_files()
    {
        var description = await DescribeAsync();
        var compose = LoadCompose();

        var fromScript = Topology.FromDescription(description);
        var fromCompose = Topology.FromCompose(compose);

        Assert.Equal(fromScript.Wiring, fromCompose.Wiring);
        foreach (var (service, names) in fromScript.Environment)
        {
            Assert.Subset(fromCompose.Environment[service], names);
        }
    }

    [Fact]
    public void The_wiring_read_from_docker_compose_names_the_hosts_each_service_talks_to()
    {
        var wiring = Topology.FromCompose(LoadCompose()).Wiring;

        Assert.Equal(
            [
                "haproxy: haproxy from ops/haproxy.cfg, backends kvk1 kvk2 kvk3",
                "kvk1: kvk, writes to primary, reads from replica, believes X-Forwarded-For from haproxy",
                "kvk2: kvk, writes to primary, reads from replica, believes X-Forwarded-For from haproxy",
                "kvk3: kvk, writes to primary, reads from replica, believes X-Forwarded-For from haproxy",
                "primary: postgresql",
                "replica: postgresql, replicates primary",
                "varnish: varnish from ops/varnish.vcl by ops/varnish-start, backend haproxy",
            ],
            wiring);
    }

    [Fact]
    public void Docker_compose_keeps_no_password_in_the_file_and_its_primary_trusts_no_connection()
    {
        var services = (YamlMappingNode)LoadCompose()["services"];
        var connectionStrings = services.Children.Values.Cast<YamlMappingNode>()
            .Where(service => service.Children.ContainsKey("environment"))
            .SelectMany(service => ((YamlMappingNode)service["environment"]).Children)
            .Where(variable => ((YamlScalarNode)variable.Key).Value!.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
            .Select(variable => new NpgsqlConnectionStringBuilder(((YamlScalarNode)variable.Value).Value))
            .ToList();
        var primary = (YamlMappingNode)((YamlMappingNode)services["primary"])["environment"];
        var hba = File.ReadLines(Path.Combine(Repository.Root, "ops", "postgres", "pg_hba.conf"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[^1]);

        Assert.Equal(6, connectionStrings.Count);
        Assert.All(connectionStrings, c => Assert.StartsWith("${KVK_DB_PASSWORD:?", c.Password, StringComparison.Ordinal));
        Assert.False(primary.Children.ContainsKey("POSTGRES_PASSWORD"));
        Assert.Equal("/run/secrets/kvk_postgres_password", ((YamlScalarNode)primary["POSTGRES_PASSWORD_FILE"]).Value);
        Assert.All(hba, method => Assert.Equal("scram-sha-256", method));
    }

    private static async Task<JsonObject> DescribeAsync()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(OpsCluster.Script);
        start.ArgumentList.Add("--describe");
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return JsonNode.Parse(text)!.AsObject();
    }

    private static YamlMappingNode LoadCompose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Repository.Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>
    /// Who talks to whom, as sorted lines ("kvk1: kvk, writes to primary, …"), and the environment variables each
    /// service is given, by name. An address is resolved to the service behind it: in the script's description
    /// by port (everything listens on 127.0.0.1), in docker-compose.yml by service name.
    /// </summary>
    private sealed record Topology(IReadOnlyList<string> Wiring, IReadOnlyDictionary<string, HashSet<string>> Environment)
    {
        public static Topology FromDescription(JsonObject description)
        {
            var services = description["services"]!.AsObject().ToDictionary(s => s.Key, s => s.Value!.AsObject());
            string ByAddress(string address) => services.Single(s => Port((string)s.Value["listen"]!) == Port(address)).Key;
            var haproxyHost = Host((string)services["haproxy"]["listen"]!);
            var lines = services.Select(s =>
            {
                var (name, service) = (s.Key, s.Value);
                var environment = service["environment"]?.AsObject().ToDictionary(e => e.Key, e => (string)e.Value!) ?? [];
                return Describe(
                    name,
                    (string)service["kind"]!,
                    service["replicates"] is { } replicates ? ByAddress((string)replicates!) : null,
                    environment,
                    (string?)service["config"],
                    (string?)service["start"],
                    ByAddress,
                    address => address == haproxyHost ? "haproxy" : address);
            });
            var names = services.ToDictionary(s => s.Key, s => s.Value["environment"]?.AsObject().Select(e => e.Key).ToHashSet() ?? []);
            return new Topology([.. lines.Order(StringComparer.Ordinal)], names);
        }

        public static Topology FromCompose(YamlMappingNode compose)
        {
            var services = ((YamlMappingNode)compose["services"]).Children.ToDictionary(s => ((YamlScalarNode)s.Key).Value!, s => (YamlMappingNode)s.Value);
            string ByName(string address)
            {
                var host = Host(address);
                Assert.True(services.ContainsKey(host), $"docker-compose.yml names {host}, which is no service of it.");
                return host;
            }

            var haproxyAddress = Scalar(((YamlMappingNode)((YamlMappingNode)services["haproxy"]["networks"])["kvk"])["ipv4_address"]);
            var lines = services.Select(s =>
            {
                var (name, service) = (s.Key, s.Value);
                var environment = EnvironmentOf(service);
                var mounts = service.Children.TryGetValue("volumes", out var volumes)
                    ? ((YamlSequenceNode)volumes).Select(v => Scalar(v).Split(':')).Where(v => v[0].StartsWith("./", StringComparison.Ordinal)).ToDictionary(
                        v => v[1],
                        v => v[0][2..])
                    : [];
                var command = service.Children.TryGetValue("command", out var c) ? Words(c) : "";
                var entrypoint = service.Children.TryGetValue("entrypoint", out var e) ? ((YamlSequenceNode)e).Select(Scalar).ToList() : [];
                var kind = service.Children.ContainsKey("build") ? "kvk" : Scalar(service["image"]).Split(':')[0] switch
                {
                    "postgres" => "postgresql",
                    var image => image,
                };
                return Describe(
                    name,
                    kind,
                    BaseBackupSource().Match(command) is { Success: true } clone ? ByName(clone.Groups[1].Value) : null,
                    environment,
                    mounts.Values.FirstOrDefault(m => m is "ops/haproxy.cfg" or "ops/varnish.vcl"),
                    entrypoint.Count > 0 && mounts.TryGetValue(entrypoint[0], out var start) ? start : null,
                    ByName,
                    address => address == haproxyAddress ? "haproxy" : address);
            });
            var names = services.ToDictionary(s => s.Key, s => EnvironmentOf(s.Value).Keys.ToHashSet());
            return new Topology([.. lines.Order(StringComparer.Ordinal)], names);
        }

        private static string Describe(
            string name, string kind, string? replicates, Dictionary<string, string> environment, string? config, string? start,
            Func<string, string> service, Func<string, string> proxy)
        {
            var parts = new List<string> { config is null ? kind : $"{kind} from {config}" + (start is null ? "" : $" by {start}") };
            if (replicates is not null)
            {
                parts.Add($"replicates {replicates}");
            }

            if (environment.TryGetValue("ConnectionStrings__Kvk", out var writes))
            {
                parts.Add($"writes to {service(Database(writes))}");
            }

            if (environment.TryGetValue("ConnectionStrings__KvkRead", out var reads))
            {
                parts.Add($"reads from {service(Database(reads))}");
            }

            if (environment.TryGetValue("Kvk__ForwardedHeaders__KnownProxies__0", out var known))
            {
                parts.Add($"believes X-Forwarded-For from {proxy(known)}");
            }

            var backends = environment.Where(e => e.Key.StartsWith("KVK_BACKEND_", StringComparison.Ordinal) && char.IsDigit(e.Key[^1])).OrderBy(
                e => e.Key,
                StringComparer.Ordinal).ToList();
            if (backends.Count > 0)
            {
                parts.Add("backends " + string.Join(' ', backends.Select(b => service(b.Value))));
            }

            if (environment.TryGetValue("KVK_BACKEND_HOST", out var backendHost))
            {
                parts.Add($"backend {service($"{backendHost}:{environment["KVK_BACKEND_PORT"]}")}");
            }

            return $"{name}: {string.Join(", ", parts)}";
        }

        private static Dictionary<string, string> EnvironmentOf(YamlMappingNode service) =>
            service.Children.TryGetValue("environment", out var environment)
                ? ((YamlMappingNode)environment).Children.ToDictionary(e => Scalar(e.Key), e => Scalar(e.Value))
                : [];

        private static string Database(string connectionString)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}";
        }

        private static string Host(string address) => address.Split(':')[0];

        private static string Port(string address) => address.Split(':')[^1];

        private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

        private static string Words(YamlNode node) => node is YamlSequenceNode sequence ? string.Join(' ', sequence.Select(Scalar)) : Scalar(node);
    }

    [GeneratedRegex(@"pg_basebackup\b[^\n]*?-h\s+(\S+)")]
    private static partial Regex BaseBackupSource();
}
