using System.Diagnostics;
using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Kvk.Events.Awards;
using Kvk.Events.Municipalities;
using Kvk.Events.Rounds;
using Kvk.Events.Seeding;
using Kvk.Events.Storage;
using Kvk.Graph.Caching;
using Kvk.Graph.Explorer;
using Kvk.Graph.Exports;
using Kvk.Graph.Http;
using Kvk.Graph.Live;
using Kvk.Graph.Operations;
using Kvk.Graph.PersistedDocuments;
using Kvk.Graph.ReadModel;
using Kvk.Graph.Schema;
using Kvk.Graph.Search;
using Kvk.Graph.Secretariat;
using Marten;
using Microsoft.AspNetCore.ResponseCompression;
using Npgsql;

namespace Kvk.Graph.Hosting;

/// <summary>
/// The composition of the host: its database, services, endpoints and first-start import. Program.cs
/// runs it; the tests start the same thing on a free port.
/// </summary>
public sealed class KvkApp : IAsyncDisposable
{
    private readonly KvkDatabase _database;

    private KvkApp(WebApplication app, KvkDatabase database)
    {
        App = app;
        _database = database;
    }

    public WebApplication App { get; }

    /// <param name="configure">A last word on the builder, for tests that observe the host (e.g. its logs).</param>
    public static async Task<KvkApp> CreateAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        var database = await KvkDatabase.OpenAsync(builder.Configuration, cancellationToken);
        try
        {
            AddServices(builder.Services, builder.Configuration, database.ConnectionString);
            builder.Services.AddSingleton(SecretariatTokens.FromConfiguration(builder.Configuration, builder.Environment, Directory.GetCurrentDirectory()));
            builder.Services.AddKvkOperations(builder.Configuration, builder.Environment);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = QueryLimits.From(builder.Configuration).MaxRequestBodyBytes);
            var app = builder.Build();
            app.UseKvkOperations();
            app.UseResponseCompression();
            app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
            app.UseSecretariatTokens();
            app.MapGraphiQLAssets();
            app.MapGraphQL();
            app.MapCsvExports();
            app.MapAdminPage();
            app.MapExplorer();
            await PrepareStoreAsync(app.Services, cancellationToken);
            KvkLog.Ready(app.Logger, started.Elapsed.TotalSeconds, database.IsLocal ? "local PostgreSQL under .kvk/" : "ConnectionStrings:Kvk");
            return new KvkApp(app, database);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var limits = QueryLimits.From(configuration);
        services.AddSingleton(limits);
        var municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);
        var dataSource = ReadDataSource.Create(connectionString);
        services.AddSingleton(municipalities);
        services.AddSingleton(dataSource);
        services.AddMarten(_ =>
        {
            var options = new StoreOptions();
            KvkStoreOptions.Configure(options, dataSource, municipalities);
            return options;
        });
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<IRoundChangeNotifier, PostgresRoundNotifier>();
        services.AddSingleton<RoundChangeFeed>();
        services.AddHostedService(s => s.GetRequiredService<RoundChangeFeed>());
        services.AddSingleton(provider =>
        {
            var recorder = new RoundRecorder(provider.GetRequiredService<IDocumentStore>(), municipalities, provider.GetRequiredService<IRoundChangeNotifier>());
            var cache = provider.GetRequiredService<ResponseCache>();

            // This host forgets cached responses before the mutation returns; the others when the notification arrives.
            recorder.Recorded += _ => cache.Invalidate();
            return recorder;
        });
        services.AddSingleton<SeedImporter>();
        services.AddSingleton<ReadModelRebuild>();
        services.AddKeyedSingleton(ReadStore.DataSourceKey, (_, _) => ReadDataSource.CreateForReads(connectionString));
        services.AddSingleton<LoadedDocuments>();
        services.AddSingleton<ReadStore>();
        services.AddSingleton<MotivationWords>();
        services.AddScoped<ReadLoaders>();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<KvkSchema>()
            .AddGraphTypes(typeof(KvkSchema).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // Complexity depends on the variables (first: $n), so it also runs when the document comes from the cache.
            .AddValidationRule(new ComplexityValidationRule(new ComplexityOptions
            {
                MaxDepth = limits.MaxDepth,
                MaxComplexity = limits.MaxComplexity,
                DefaultComplexityImpactDelegate = QueryLimits.Impact,
            }), useForCachedDocuments: true)
            .AddValidationRule<AliasLimitRule>()
            .WithTimeout(limits.Timeout)
            .UsePersistedDocuments<PersistedDocumentRegistry>(GraphQL.DI.ServiceLifetime.Singleton, o => o.AllowOnlyPersistedDocuments = false)
            .ConfigureExecution<AutomaticPersistedQueries>()
            .ConfigureExecution<DocumentCache>());
        services.AddSingleton<GraphQL.Validation.IDocumentValidator>(new CachedDocumentValidator(new GraphQL.Validation.DocumentValidator()));
        services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [GraphQLEndpoint.GraphQLResponseJson, GraphQLEndpoint.Json, "text/html", "text/javascript", "text/css"];
        });
    }

    /// <summary>Creates or updates the schema, the municipality documents and, in an empty store, the award history.</summary>
    private static async Task PrepareStoreAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var log = services.GetRequiredService<ILogger<KvkApp>>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await AwardSearchIndex.EnsureAsync(services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
        await MunicipalityDocuments.SynchronizeAsync(store, services.GetRequiredService<MunicipalityDirectory>(), cancellationToken);
        var imported = await services.GetRequiredService<SeedImporter>().ImportAsync(SeedHistory.Load(SeedFiles.Rounds), cancellationToken);
        if (imported.Count > 0)
        {
            KvkLog.Imported(log, imported.Count, imported);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}
