using Kvk.Domain.Rounds;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Kvk.Storage.Awards;
using Kvk.Storage.Programmes;

namespace Kvk.Graph.Tests.Storage;

public sealed class AwardSearchIndexTests
{
    // Every served award has its motivation's vector, and nothing else is in the table.
    private static readonly string Mismatches = $"""
        select count(*) from kvk.mt_doc_award a full join {AwardSearchIndex.Table} s on s.id = a.id and a.programme = '{AwardProgramme.Main}'
        where (a.programme = '{AwardProgramme.Main}' or s.id is not null)
          and s.{AwardSearchIndex.Vector} is distinct from to_tsvector('swedish'::regconfig, coalesce(a.data->>'motivation', ''))
        """;

    [Fact]
    public async Task The_index_follows_announcements_corrections_synthetic_programmes_and_a_rebuild()
    {
        await using var server = await KvkTestServer.StartAsync();
        var round = await Given.On(
            server).AnAnnouncedRoundWithACorrection("En rättad motivering om tillitsbaserad styrning.", "Förtydligande.", "0643", "Bra.", "0643");
        var corrected = await server.QueryAsync("{ search(text: \"tillitsbaserad\") { nodes { award { year } } } }");

        Assert.Equal(round.Year, corrected["search"]!["nodes"]![0]!["award"]!["year"]!.GetValue<int>());
        Assert.Equal(12, await ReadModelSnapshot.ScalarAsync(server.ConnectionString, $"select count(*) from {AwardSearchIndex.Table}"));
        Assert.Equal(0, await ReadModelSnapshot.ScalarAsync(server.ConnectionString, Mismatches));

        await server.AppendSyntheticProgrammesAsync(2000);
        await server.RebuildReadModelAsync();

        Assert.Equal(12, await ReadModelSnapshot.ScalarAsync(server.ConnectionString, $"select count(*) from {AwardSearchIndex.Table}"));
        Assert.Equal(0, await ReadModelSnapshot.ScalarAsync(server.ConnectionString, Mismatches));
    }

    [Fact]
    public async Task A_store_written_before_the_index_existed_is_indexed_when_a_host_starts()
    {
        await using var second = await StartedOnAStoreAlteredByAsync($"drop table {AwardSearchIndex.Table}");
        var connectionString = second.ConnectionString;
        var hits = await second.QueryAsync("{ search(text: \"styrning\") { totalCount } }");

        Assert.Equal(11, await ReadModelSnapshot.ScalarAsync(connectionString, $"select count(*) from {AwardSearchIndex.Table}"));
        Assert.Equal(0, await ReadModelSnapshot.ScalarAsync(connectionString, Mismatches));
        Assert.True(hits["search"]!["totalCount"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task A_store_whose_index_kept_words_and_lexemes_takes_corrections_once_a_host_starts()
    {
        await using var second = await StartedOnAStoreAlteredByAsync(
            $"alter table {AwardSearchIndex.Table} add column motivation_words text[] not null default '{{}}', add column motivation_lexemes text[] " +
                "not null default '{}'",
            $"alter table {AwardSearchIndex.Table} alter column motivation_words drop default, alter column motivation_lexemes drop default");
        var connectionString = second.ConnectionString;
        await second.RecordAsync(new CorrectMotivation(2023, "Höganäs kommun har en modig styrning.", "Förtydligande."));

        Assert.Equal(0, await ReadModelSnapshot.ScalarAsync(connectionString, "select count(*) from information_schema.columns where table_schema || '.' || " +
            $"table_name = '{AwardSearchIndex.Table}' and column_name in ('motivation_words', 'motivation_lexemes')"));
        Assert.Equal(0, await ReadModelSnapshot.ScalarAsync(connectionString, Mismatches));
    }

    /// <summary>A host started on a store that an earlier host made and <paramref name="statements"/> then changed.</summary>
    private static async Task<KvkTestServer> StartedOnAStoreAlteredByAsync(params string[] statements)
    {
        string connectionString;
        await using (var first = await KvkTestServer.StartAsync())
        {
            connectionString = first.ConnectionString;
            foreach (var statement in statements)
            {
                await ReadModelSnapshot.ExecuteAsync(connectionString, statement);
            }
        }

        return await KvkTestServer.StartAsync(connectionString);
    }
}
