using Kvk.Domain.Rounds;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Kvk.Storage.Programmes;

namespace Kvk.Graph.Tests.Storage;

public sealed class ReadModelRebuildTests
{
    [Fact]
    public async Task A_rebuild_from_the_events_reproduces_the_read_model_the_inline_projections_built()
    {
        await using var server = await KvkTestServer.StartAsync();
        var year = Given.On(server).AFreeYear();
        await server.RecordAsync(
            new OpenRound(year),
            new NominateMunicipality(year, "0643"),
            new NominateMunicipality(year, "1263"),
            new WithdrawNomination(year, "1263", "Avböjde."),
            new NominateMunicipality(year, "1263"),
            new RecordJuryDecision(year, "0643", "Bra.", null),
            new AnnounceAward(year, null),
            new CorrectMotivation(year, "Mycket bra.", "Förtydligande."));
        var before = await ReadModelSnapshot.TakeAsync(server.ConnectionString);

        var projected = await server.RebuildReadModelAsync();

        Assert.Equal(await ReadModelSnapshot.ScalarAsync(server.ConnectionString, "select count(*) from kvk.mt_events"), projected);
        Assert.Equal(before, await ReadModelSnapshot.TakeAsync(server.ConnectionString));
    }

    [Fact]
    public async Task Synthetic_programmes_fill_the_store_without_touching_what_is_served()
    {
        await using var server = await KvkTestServer.StartAsync();
        const string Query = "{ awards { totalCount nodes { year recipientName } } rounds { totalCount } nominations { totalCount } search(text: " +
            "\"styrning\") { totalCount } municipality(code: \"0643\") { awards { year } nominations { year } } }";
        var served = KvkTestServer.Pretty(await server.QueryAsync(Query));

        var appended = await server.AppendSyntheticProgrammesAsync(3000);
        await server.RebuildReadModelAsync();

        Assert.InRange(appended, 3000, 3100);
        Assert.True(await ReadModelSnapshot.ScalarAsync(server.ConnectionString, "select count(*) from kvk.mt_doc_award where programme <> " +
            $"'{AwardProgramme.Main}'") > 200);
        Assert.Equal(served, KvkTestServer.Pretty(await server.QueryAsync(Query)));
    }
}
