using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Kvk.Domain.Municipalities;
using Kvk.Domain.Rounds;
using Kvk.Storage.Awards;
using Kvk.Storage.Nominations;
using Kvk.Storage.Rounds;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Kvk.Storage.Store;

/// <summary>The whole Marten configuration of Kvk, in one place, shared by the host, the tools and the tests.</summary>
public static class KvkStoreOptions
{
    public const string SchemaName = "kvk";

    public static void Configure(StoreOptions options, NpgsqlDataSource dataSource, MunicipalityDirectory municipalities)
    {
        options.Connection(dataSource);
        options.DatabaseSchemaName = SchemaName;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        options.Events.StreamIdentity = StreamIdentity.AsString;
        // Rich appends give inline projections real versions and let a writer append at an expected version.
        options.Events.AppendMode = EventAppendMode.Rich;
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;

        // Each event's stored name, from its declaration: renaming a class never changes what is stored.
        foreach (var kind in RoundEventCatalogue.All)
        {
            options.Events.MapEventType(kind.Type, kind.StoredName);
        }

        options.Projections.Add(new RoundViewProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new AwardViewProjection(municipalities), ProjectionLifecycle.Inline);
        options.Projections.Add(new NominationViewProjection(municipalities), ProjectionLifecycle.Inline);

        options.Schema.For<Municipality>().Identity(x => x.Code).DocumentAlias("municipality");
        options.Schema.For<RoundView>().DocumentAlias("round").Duplicate(x => x.Programme).Duplicate(x => x.Year)
            .Index([x => x.Programme, x => x.Year]);
        // Searched through AwardSearchIndex, a table of stored text search vectors beside this one.
        options.Schema.For<AwardView>().DocumentAlias("award").Duplicate(x => x.Programme).Duplicate(x => x.Year).Duplicate(x => x.MunicipalityCode)
            .Index([x => x.Programme, x => x.Year]).Index([x => x.Programme, x => x.MunicipalityCode]);
        options.Schema.For<NominationView>().DocumentAlias("nomination").Duplicate(x => x.Programme).Duplicate(x => x.Year).Duplicate(x => x.MunicipalityCode)
            .Index([x => x.Programme, x => x.Year]).Index([x => x.Programme, x => x.MunicipalityCode]);
        options.Schema.For<ProcessedMutation>().DocumentAlias("processed_mutation");
    }
}
