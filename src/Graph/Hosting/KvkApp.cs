using System.Diagnostics;
using System.Diagnostics.Metrics;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Seeding;
using Kvk.Graph.Admin;
using Kvk.Graph.Downloads;
using Kvk.Graph.Engine;
using Kvk.Graph.Engine.Pipeline;
using Kvk.Graph.Engine.Profiling;
using Kvk.Graph.Engine.Reading;
using Kvk.Graph.Engine.Transport;
using Kvk.Graph.Explorer;
using Kvk.Graph.Feeds;
using Kvk.Graph.Live;
using Kvk.Graph.Live.Rehearsal;
using Kvk.Graph.PublicLog;
using Kvk.Graph.Replication;
using Kvk.Graph.Rounds;
using Kvk.Graph.Schema;
using Kvk.Graph.Search;
using Kvk.Graph.Secretariat;
using Kvk.Graph.Secretariat.Credentials;
using Kvk.Graph.Secretariat.Scheduling;
using Kvk.Storage.Awards;
using Kvk.Storage.Municipalities;
using Kvk.Storage.PublicLog;
using Kvk.Storage.Rounds;
using Kvk.Storage.Seeding;
using Kvk.Storage.Store;
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
    /// <param name="serves">False when it runs an operator's command (<see cref="CommandLine.Serves"/>).</param>
    public static async Task<KvkApp> CreateAsync(
        string[] args, Action<WebApplicationBuilder>? configure = null, bool serves = true, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.StartNew();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        var database = await KvkDatabase.OpenAsync(builder.Configuration, cancellationToken);
        WebApplication? app = null;
        try
        {
            AddServices(builder.Services, builder.Configuration, builder.Environment, database.ConnectionString);
            builder.Services.AddSingleton(
                SecretariatTokens.FromConfiguration(builder.Configuration, builder.Environment, Directory.GetCurrentDirectory(), serves));
            builder.Services.AddKvkCredentials();
            builder.Services.AddKvkOperations(builder.Configuration);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = QueryLimits.From(builder.Configuration).MaxRequestBodyBytes);
            app = builder.Build();
            app.UseKvkForwardedHeaders();
            app.UseGraphQLEngineRequests();
            app.UseKvkOperations();
            app.UseResponseCompression();
            app.MapGraphQL();
            app.MapRequestProfile();
            app.MapDownloads(KvkSchema.Lists);
            app.MapPublicLog();
            app.MapAdminPage();
            // The schema is built now, so that a mistake in it stops the start instead of the first request.
            app.Services.GetRequiredService<GraphQL.Types.ISchema>().Initialize();
            app.MapExplorer();
            app.MapFeeds();
            await PrepareStoreAsync(app.Services, serves, cancellationToken);
            if (serves && app.Environment.IsProduction() && !await app.Services.GetRequiredService<SecretariatHealthCheck>().AnyAsync(cancellationToken))
            {
                CredentialLog.NoSecretariatCredential(app.Services.GetRequiredService<ILogger<KvkApp>>());
            }

            KvkLog.Ready(app.Logger, started.Elapsed.TotalSeconds, database.IsLocal ? "local PostgreSQL under .kvk/" : "ConnectionStrings:Kvk");
            return new KvkApp(app, database);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            await database.DisposeAsync();
            throw;
        }
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, string connectionString)
    {
        var municipalities = MunicipalityDirectory.Load(SeedFiles.Municipalities);
        services.AddSingleton(municipalities);

        // Made by a factory, so that the container owns the pool and closes its connections when the host stops:
        // an instance handed to the container is never disposed, and hosts started and stopped in one process
        // (the tests) would leave their idle connections open until PostgreSQL runs out of slots.
        services.AddSingleton(_ => DataSources.Create(connectionString));
        services.AddMarten(provider =>
        {
            var options = new StoreOptions();
            KvkStoreOptions.Configure(options, provider.GetRequiredService<NpgsqlDataSource>(), municipalities);
            options.Logger(new ConflictQuietLogger(provider.GetRequiredService<ILogger<IDocumentStore>>()));
            return options;
        });
        services.AddKvkGraphQL(configuration, environment);
        services.AddKeyedSingleton(
            ReadStore.DataSourceKey,
            (provider, _) => DataSources.CreateForReads(
                provider.GetRequiredService<ReplicaSettings>().ReadConnectionString ?? connectionString,
                provider.GetRequiredService<QueryLimits>().Timeout));

        // The secretariat's reads: a pool of its own on the primary only when the public's go to a replica.
        services.AddKeyedSingleton(ReadStore.PrimaryDataSourceKey, (provider, _) => provider.GetRequiredService<ReplicaSettings>().ReadsFromReplica
            ? DataSources.CreateForReads(connectionString, provider.GetRequiredService<QueryLimits>().Timeout)
            : provider.GetRequiredKeyedService<NpgsqlDataSource>(ReadStore.DataSourceKey));
        services.AddSingleton<IViewDeserializer, MartenViews>();
        services.AddSingleton<RoundChangeFeed>();
        services.AddHostedService(s => s.GetRequiredService<RoundChangeFeed>());
        services.AddSingleton(RehearsalSettings.From(configuration, environment));
        services.AddSingleton<RehearsalProgress>();
        services.AddHostedService<LiveRehearsal>();
        services.AddSingleton<SharedCatchUpReads>();
        services.AddHostedService<EdgePurge>();
        services.AddSingleton(provider =>
        {
            var recorder = new RoundRecorder(
                provider.GetRequiredService<IDocumentStore>(),
                municipalities,
                provider.GetRequiredService<ILogger<RoundRecorder>>());
            var cache = provider.GetRequiredService<ResponseCache>();

            // This host forgets cached responses before the mutation returns; the others when the notification arrives.
            recorder.Recorded += _ => cache.Invalidate();
            return recorder;
        });
        services.AddHostedService<ScheduledAnnouncer>();
        services.AddSingleton<SeedImporter>();
        services.AddSingleton<ReadModelRebuild>();
        var replica = ReplicaSettings.From(configuration);
        services.AddSingleton(replica);
        services.AddSingleton<ReplicaReplay>();
        services.AddSingleton(provider => new ReadSource(replica.ReadsFromReplica, provider.GetRequiredService<IMeterFactory>()));
        services.AddSingleton<ReplicaMonitor>();
        services.AddHostedService(s => s.GetRequiredService<ReplicaMonitor>());
        services.AddSingleton<IReadFreshness, ReplicaFreshness>();
        services.AddSingleton<MotivationWords>();
        services.AddScoped<PastRounds>();
        services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [MediaTypes.GraphQLResponseJson, MediaTypes.Json, "text/html", "text/javascript", "text/css", "application/x-ndjson"];
        });
    }

    /// <summary>
    /// Creates or updates the schema, the municipality documents and, in an empty store, the award history; chains into
    /// the public log what is not chained yet.
    /// </summary>
    /// <param name="serves">
    /// Only a serving host imports the award history into an empty store: a command works on the store as it finds it
    /// (<c>mirror</c> fills an empty one with another Kvk's record, seed and all).
    /// </param>
    private static async Task PrepareStoreAsync(IServiceProvider services, bool serves, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var log = services.GetRequiredService<ILogger<KvkApp>>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await AwardSearchIndex.EnsureAsync(dataSource, cancellationToken);
        await PublicLogTable.EnsureAsync(dataSource, cancellationToken);
        await CredentialTables.EnsureAsync(dataSource, cancellationToken);
        await EmbargoReadLog.EnsureAsync(dataSource, cancellationToken);
        await MunicipalityDocuments.SynchronizeAsync(store, services.GetRequiredService<MunicipalityDirectory>(), cancellationToken);
        var imported = serves ? await services.GetRequiredService<SeedImporter>().ImportAsync(SeedHistory.Load(SeedFiles.Rounds), cancellationToken) : [];
        if (imported.Count > 0)
        {
            KvkLog.Imported(log, imported.Count, imported);
        }

        // A store written before the public log existed (or by a writer that did not chain) gets its entries now.
        var chained = await PublicLogWriter.CatchUpAsync(dataSource, cancellationToken);
        if (chained > 0)
        {
            KvkLog.Chained(log, chained);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}
