using Kvk.Domain.PublicLog;
using Kvk.Graph.Tests.Secretariat;
using Kvk.Graph.Tests.Support.Scenarios;

namespace Kvk.Graph.Tests.PublicLog;

/// <summary>
/// A decision and its revisions are chained sealed: the log shows that they exist, never what they are, until the award
/// is announced; then each is served with its data and salt, its seal checks, and the chain is what it was.
/// </summary>
public sealed class SealTests(SecretariatKvk kvk) : IClassFixture<SecretariatKvk>
{
    private const string Changes = "query($since: String!) { changes(since: $since) { round line } }";

    [Fact]
    public async Task A_decision_and_its_revision_are_sealed_until_the_announcement_reveals_both_and_the_chain_stays_as_it_was()
    {
        var motivation = $"Habo visar vägen {Guid.NewGuid():N}.";
        var revised = $"Svedala visar vägen {Guid.NewGuid():N}.";
        const string Reason = "Juryns omröstning räknades om av en hemlig anledning.";
        var round = await kvk.Given.ADecidedRound(Given.Habo, motivation);
        var secrets = new[] { motivation, revised, Reason, "Habo kommun", "Svedala kommun", "recipientName" };

        var decided = Assert.Single(await ServedLog.OfRoundAsync(kvk.Server, round.Year), e => e["sealed"] is not null);
        Assert.Equal(1, decided["sealed"]!["revision"]!.GetValue<int>());
        await kvk.AcceptedAsync(
            "reviseDecision", "ReviseDecisionInput", new { year = round.Year, municipalityCode = Given.Svedala, motivation = revised, reason = Reason });

        var sealedOnes = (await ServedLog.OfRoundAsync(kvk.Server, round.Year)).Where(e => e["sealed"] is not null).ToList();
        Assert.Equal([1, 2], sealedOnes.Select(e => e["sealed"]!["revision"]!.GetValue<int>()));
        Assert.All(sealedOnes, e => Assert.Null(e["revealed"]));
        var body = await ServedLog.BodyAsync(kvk.Server);
        var changes = (await kvk.Server.QueryAsync(Changes, new { since = "0-00000000" })).ToJsonString();
        var roundLines = string.Join('\n', (await ServedLog.OfRoundAsync(kvk.Server, round.Year)).Select(e => e.ToJsonString()));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, roundLines, StringComparison.Ordinal);
        }

        foreach (var text in new[] { motivation, revised, Reason })
        {
            Assert.DoesNotContain(text, body, StringComparison.Ordinal);
            Assert.DoesNotContain(text, changes, StringComparison.Ordinal);
        }

        var before = await ServedLog.LinesAsync(kvk.Server);
        var versionBefore = PublicLogChain.Verify(before).Chain.DataVersion;

        await kvk.AcceptedAsync("announceAward", "AnnounceAwardInput", new { year = round.Year });

        var after = await ServedLog.LinesAsync(kvk.Server);
        var (chain, fault) = PublicLogChain.Verify(after);
        Assert.Null(fault);
        Assert.Equal(versionBefore, PublicLogChain.Verify(after.Take(before.Count)).Chain.DataVersion);
        var revealed = (await ServedLog.OfRoundAsync(kvk.Server, round.Year)).Where(e => e["sealed"] is not null).ToList();
        Assert.Equal(
            [motivation, revised],
            revealed.Select(e => e["revealed"]!["data"]!["motivation"]!.GetValue<string>()));
        Assert.All(revealed, e => Assert.Equal(
            e["sealed"]!["seal"]!.GetValue<string>(),
            PublicLogEntry.SealOf(e["revealed"]!["salt"]!.GetValue<string>(), e["revealed"]!["data"]!.ToJsonString())));
        Assert.All(revealed, e => Assert.Matches("^[A-Za-z0-9_-]{43}$", e["revealed"]!["salt"]!.GetValue<string>()));
        Assert.True(chain.RevealedSeals >= 2);
        Assert.All(await kvk.EventsAsync(round.Year), e => Assert.Null(e.Data["salt"]));
    }
}
