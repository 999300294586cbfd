using System.Text;
using Kvk.Domain.PublicLog;

namespace Kvk.Domain.Tests.PublicLog;

public sealed class PublicLogChainTests
{
    private const string Salt = "c2FsdA";
    private const string Decision = """{"year":2027,"municipalityCode":"0643","recipientName":"Habo kommun","motivation":"Habo visar vägen."}""";
    private static readonly DateTimeOffset At = new(2027, 10, 1, 12, 0, 0, TimeSpan.Zero);

    private static PublicLogEntry Public(int version, string type, string data) =>
        new(IdOf(version), 2027, version, type, At.AddMinutes(version), "secretariat", data, null);

    private static Guid IdOf(int version) => new($"00000000-0000-0000-0000-{version:D12}");

    private static List<string> Log(bool revealed)
    {
        PublicLogEntry[] entries =
        [
            Public(1, "round_opened", """{"year":2027}"""),
            Public(2, "municipality_nominated", """{"year":2027,"municipalityCode":"0643"}"""),
            new(IdOf(3), 2027, 3, "jury_decision_recorded", At, "secretariat", null, new(PublicLogEntry.SealOf(Salt, Decision), 1)),
            Public(4, "award_announced", """{"year":2027,"municipalityCode":"0643","motivation":"Habo visar vägen."}"""),
        ];
        var lines = new List<string>();
        var previous = PublicLogHash.Genesis;
        foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
        {
            var (canonical, hash) = entry.Chain(index + 1, previous);
            lines.Add(entry.Sealed is not null && revealed ? PublicLogEntry.Line(canonical, hash, Decision, Salt) : PublicLogEntry.Line(canonical, hash));
            previous = hash;
        }

        return lines;
    }

    [Fact]
    public void A_log_as_written_verifies_and_names_its_data_version_by_its_last_position_and_hash()
    {
        var lines = Log(revealed: true);
        var (chain, fault) = PublicLogChain.Verify(lines);

        Assert.Null(fault);
        Assert.Equal(4, chain.Position);
        Assert.Equal(1, chain.RevealedSeals);
        Assert.Matches("^4-[0-9a-f]{8}$", chain.DataVersion);
        Assert.StartsWith(chain.DataVersion[2..], chain.Head, StringComparison.Ordinal);
    }

    [Fact]
    public void Revealing_a_sealed_decision_later_leaves_the_chain_and_its_data_version_as_they_were()
    {
        Assert.Equal(PublicLogChain.Verify(Log(revealed: false)).Chain.DataVersion, PublicLogChain.Verify(Log(revealed: true)).Chain.DataVersion);
    }

    [Fact]
    public void Changing_any_one_byte_of_any_entry_fails_the_check_at_that_entry()
    {
        var lines = Log(revealed: true);
        for (var line = 0; line < lines.Count; line++)
        {
            var bytes = Encoding.UTF8.GetBytes(lines[line]);
            for (var at = 0; at < bytes.Length; at++)
            {
                var changed = (byte[])bytes.Clone();
                changed[at] = (byte)(changed[at] == (byte)'7' ? '8' : '7');
                var tampered = lines.ToList();
                tampered[line] = Encoding.UTF8.GetString(changed);

                var (_, fault) = PublicLogChain.Verify(tampered);

                Assert.True(fault is not null, $"Changing byte {at} of line {line + 1} ('{lines[line][..Math.Min(lines[line].Length, 60)]}…') went unnoticed.");
                Assert.True(fault.Line <= line + 2, $"Byte {at} of line {line + 1} was noticed only at line {fault.Line}.");
            }
        }
    }

    [Fact]
    public void A_revealed_decision_other_than_the_sealed_one_is_named()
    {
        var lines = Log(revealed: true);
        lines[2] = lines[2].Replace("Habo visar vägen.", "Lund visar vägen.", StringComparison.Ordinal);

        var (_, fault) = PublicLogChain.Verify(lines);

        Assert.Equal(new PublicLogFault(3, 3, "jury_decision_recorded", "the revealed decision is not the one that was sealed"), fault);
    }

    [Fact]
    public void A_dropped_entry_breaks_the_chain_at_the_next_one()
    {
        var lines = Log(revealed: false);
        lines.RemoveAt(1);

        var (chain, fault) = PublicLogChain.Verify(lines);

        Assert.Equal(2, fault!.Line);
        Assert.Equal(1, chain.Position);
    }
}
