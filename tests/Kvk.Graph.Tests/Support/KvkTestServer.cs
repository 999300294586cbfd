using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kvk.Graph.Hosting;
using Kvk.Graph.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.Support;

/// <summary>The real host on a free loopback port, over a database of its own, seeded as on a first start.</summary>
public sealed class KvkTestServer : IAsyncDisposable
{
    private readonly KvkApp _app;

    private KvkTestServer(KvkApp app, string connectionString, Uri address)
    {
        _app = app;
        ConnectionString = connectionString;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public string ConnectionString { get; }

    public IServiceProvider Services => _app.App.Services;

    /// <summary>Starts a host as in Production (no field suggestions, masked errors); rate limiting and the live path's rehearsal are off unless
    /// <paramref name="arguments"/> turn them on.</summary>
    public static Task<KvkTestServer> StartAsync(string? connectionString = null, params string[] arguments) => StartAsync(connectionString, null, arguments);

    /// <param name="configure">A last word on the host's builder, e.g. a logger provider that a test reads.</param>
    public static async Task<KvkTestServer> StartAsync(string? connectionString, Action<WebApplicationBuilder>? configure, params string[] arguments)
    {
        connectionString ??= await TestPostgres.CreateDatabaseAsync();
        var app = await KvkApp.CreateAsync(
            [
                "--urls=http://127.0.0.1:0",
                $"--ConnectionStrings:Kvk={connectionString}",
                "--Logging:LogLevel:Default=Warning",
                "--environment=Production",
                "--Kvk:RateLimiting:Enabled=false",
                "--Kvk:Live:Rehearsal:Enabled=false",
                .. arguments,
            ],
            configure);
        await app.App.StartAsync();

        // The change feed's first LISTEN empties the response cache (what was cached before it may have missed a change):
        // a test that counts on a cached answer must not have it emptied between its requests.
        await app.App.Services.GetRequiredService<RoundChangeFeed>().Listening.WaitAsync(TimeSpan.FromMinutes(1));
        return new KvkTestServer(app, connectionString, new Uri(app.App.Urls.First()));
    }

    /// <summary>POSTs a query and returns the whole response body as JSON (data and errors).</summary>
    /// <param name="token">A secretariat token to send as <c>Authorization: Bearer</c>; none when null.</param>
    /// <param name="documentId">A persisted document's id, sent instead of (or beside) the query.</param>
    public async Task<JsonNode> PostAsync(string query, object? variables = null, string? token = null, string? documentId = null, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, documentId, operationName }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"Empty response ({(int)response.StatusCode}).");
    }

    /// <summary>POSTs a query that must succeed and returns its <c>data</c>.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var response = await PostAsync(query, variables);
        if (response["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException($"The query failed: {errors.ToJsonString()}");
        }

        return response["data"]!;
    }

    public static string Pretty(JsonNode node) =>
        node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
