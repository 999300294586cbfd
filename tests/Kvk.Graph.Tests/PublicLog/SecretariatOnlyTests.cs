using Kvk.Domain.PublicLog;
using Kvk.Domain.Rounds;
using Kvk.Graph.Tests.Support;
using Kvk.Graph.Tests.Support.Scenarios;
using Kvk.Storage.Rounds;
using Microsoft.Extensions.DependencyInjection;

namespace Kvk.Graph.Tests.PublicLog;

/// <summary>A note for the secretariat only is stored beside the public fact it comes with, and never chained.</summary>
public sealed class SecretariatOnlyTests
{
    [Fact]
    public async Task A_withdrawal_s_internal_note_is_not_in_the_log_and_the_data_version_is_the_withdrawal_s()
    {
        const string Note = "Kommunen drog sig ur efter ett internt samtal.";
        await using var server = await KvkTestServer.StartAsync();
        var round = await Given.On(server).ARoundWithNominees();

        var result = await server.Services.GetRequiredService<RoundRecorder>()
            .RecordAsync(new WithdrawNomination(round.Year, Given.Habo, "Kommunen drog tillbaka sin ansökan.", Note), "Anna Andersson");

        Assert.Equal(RecordingStatus.Accepted, result.Status);
        Assert.Equal(round.Version + 2, result.Version);
        var lines = await ServedLog.LinesAsync(server);
        var (chain, fault) = PublicLogChain.Verify(lines);
        Assert.Null(fault);
        var entries = await ServedLog.OfRoundAsync(server, round.Year);
        Assert.Equal(Enumerable.Range(1, round.Version + 1), entries.Select(e => e["version"]!.GetValue<int>()));
        Assert.Equal("nomination_withdrawn", entries[^1]["type"]!.GetValue<string>());
        Assert.Equal(chain.DataVersion, await ServedLog.DataVersionAsync(server));
        Assert.Equal(lines.Count, (await server.QueryAsync("{ meta { eventCount } }"))["meta"]!["eventCount"]!.GetValue<int>());
        Assert.DoesNotContain(Note, string.Join('\n', lines), StringComparison.Ordinal);
    }
}
