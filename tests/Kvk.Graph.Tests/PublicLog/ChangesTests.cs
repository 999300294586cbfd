using System.Text.Json.Nodes;
using Kvk.Graph.Tests.Support;

namespace Kvk.Graph.Tests.PublicLog;

/// <summary><c>changes(since:)</c>: the log after a data version, for a mirror or a newsroom's poller.</summary>
public sealed class ChangesTests(SeededKvk kvk) : IClassFixture<SeededKvk>
{
    private const string Changes = "query($since: String!, $first: Int) { changes(since: $since, first: $first) { position dataVersion type round version " +
        "recordedAt actor hash line } }";

    [Fact]
    public async Task From_the_empty_record_the_changes_are_the_log_s_first_entries_and_each_names_the_version_to_ask_after()
    {
        var lines = await ServedLog.LinesAsync(kvk.Server);

        var changes = (await kvk.Server.QueryAsync(Changes, new { since = "0-00000000", first = 3 }))["changes"]!.AsArray();
        var next = (await kvk.Server.QueryAsync(Changes, new { since = changes[2]!["dataVersion"]!.GetValue<string>(), first = 1 }))["changes"]!.AsArray();

        Assert.Equal(lines.Take(4), [.. changes.Concat(next).Select(c => c!["line"]!.GetValue<string>())]);
        var first = changes[0]!;
        var entry = JsonNode.Parse(lines[0])!;
        Assert.Equal((1, "round_opened", 2003, 1, "seed"), (first["position"]!.GetValue<int>(), first["type"]!.GetValue<string>(),
            first["round"]!.GetValue<int>(), first["version"]!.GetValue<int>(), first["actor"]!.GetValue<string>()));
        Assert.Equal(entry["hash"]!.GetValue<string>(), first["hash"]!.GetValue<string>());
        Assert.Equal(entry["recordedAt"]!.GetValue<DateTimeOffset>(), first["recordedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Nothing_follows_the_current_data_version()
    {
        var current = await ServedLog.DataVersionAsync(kvk.Server);

        Assert.Empty((await kvk.Server.QueryAsync(Changes, new { since = current }))["changes"]!.AsArray());
    }

    [Theory]
    [InlineData("12-deadbeef")]
    [InlineData("999999-00000000")]
    public async Task A_data_version_this_record_never_had_is_named_with_the_current_one(string since)
    {
        var current = await ServedLog.DataVersionAsync(kvk.Server);

        var error = Assert.Single((await kvk.Server.PostAsync(Changes, new { since }))["errors"]!.AsArray())!;

        Assert.Equal("UNKNOWN_DATA_VERSION", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal($"This record has no data version {since}; its current version is {current}.", error["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("v110")]
    [InlineData("110-3FA9C1E2")]
    [InlineData("0110-3fa9c1e2")]
    [InlineData("0-12345678")]
    [InlineData("110-3fa9c1e")]
    [InlineData("")]
    public async Task Text_that_is_no_data_version_is_invalid_input(string since)
    {
        var error = Assert.Single((await kvk.Server.PostAsync(Changes, new { since }))["errors"]!.AsArray())!;

        Assert.Equal("INVALID_INPUT", error["extensions"]!["code"]!.GetValue<string>());
    }
}
