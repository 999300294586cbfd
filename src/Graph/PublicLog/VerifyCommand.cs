using System.Text.Json.Nodes;
using Kvk.Domain.PublicLog;

namespace Kvk.Graph.PublicLog;

/// <summary>
/// <c>verify &lt;URL|FILE&gt;</c>: checks a public log without a database, as anyone can. From a file of NDJSON, or from a
/// Kvk's base address (following <c>GET /events</c> page by page, then comparing with the host's
/// <c>meta { dataVersion }</c>). Prints the data version reached and how many revealed seals matched.
/// </summary>
public static class VerifyCommand
{
    /// <returns>0 when the log verifies (and, from a host, reaches the version the host names); 1 otherwise.</returns>
    public static async Task<int> RunAsync(string source, TextWriter output, CancellationToken cancellationToken)
    {
        var chain = new PublicLogChain();
        using var log = new PublicLogSource(source);
        var client = log.Host;
        try
        {
            await foreach (var line in log.LinesAsync(cancellationToken))
            {
                if (line.Length > 0 && chain.Add(line) is { } fault)
                {
                    await output.WriteLineAsync($"The log does not verify: {fault}");
                    return 1;
                }
            }

            await output.WriteLineAsync(
                $"The log verifies: {chain.Position} entries, data version {chain.DataVersion}, {chain.RevealedSeals} revealed seals matched.");
            if (client is null)
            {
                return 0;
            }

            var served = await ServedVersionAsync(client, cancellationToken);
            await output.WriteLineAsync(served == chain.DataVersion
                ? $"The host names the same data version, {served}."
                : $"The host names data version {served}, not the {chain.DataVersion} its log reaches (was something recorded meanwhile? run it again).");
            return served == chain.DataVersion ? 0 : 1;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException or InvalidOperationException)
        {
            await output.WriteLineAsync($"Cannot read {source}: {e.Message}");
            return 1;
        }
    }

    private static async Task<string?> ServedVersionAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("graphql", new { query = "{ meta { dataVersion } }" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return answer?["data"]?["meta"]?["dataVersion"]?.GetValue<string>();
    }
}
