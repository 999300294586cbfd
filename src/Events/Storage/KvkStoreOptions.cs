using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Kvk.Events.Awards;
using Kvk.Events.Municipalities;
using Kvk.Events.Nominations;
using Kvk.Events.Rounds;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Kvk.Events.Storage;

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

        // Stored names are part of the record: a class may be renamed, the name in the table may not.
        options.Events.MapEventType<RoundOpened>("round_opened");
        options.Events.MapEventType<MunicipalityNominated>("municipality_nominated");
        options.Events.MapEventType<NominationWithdrawn>("nomination_withdrawn");
        options.Events.MapEventType<NominationsClosed>("nominations_closed");
        options.Events.MapEventType<JuryDecisionRecorded>("jury_decision_recorded");
        options.Events.MapEventType<AwardAnnounced>("award_announced");
        options.Events.MapEventType<MotivationCorrected>("motivation_corrected");

        options.Projections.Add(new RoundViewProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new AwardViewProjection(municipalities), ProjectionLifecycle.Inline);
        options.Projections.Add(new NominationViewProjection(municipalities), ProjectionLifecycle.Inline);

        options.Schema.For<Municipality>().Identity(x => x.Code).DocumentAlias("municipality");
        options.Schema.For<RoundView>().DocumentAlias("round").Duplicate(x => x.Year);
        options.Schema.For<AwardView>().DocumentAlias("award").Duplicate(x => x.Year).Duplicate(x => x.MunicipalityCode);
        options.Schema.For<NominationView>().DocumentAlias("nomination").Duplicate(x => x.Year).Duplicate(x => x.MunicipalityCode);
        options.Schema.For<ProcessedMutation>().DocumentAlias("processed_mutation");
    }
}
