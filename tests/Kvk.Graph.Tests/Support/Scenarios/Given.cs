using Kvk.Domain.Rounds;

namespace Kvk.Graph.Tests.Support.Scenarios;

/// <summary>
/// The states a test starts from, each in one line and each on a round of the test's own (a year no other test of the
/// run records in that database): <c>var round = await given.ADecidedRound();</c>, then the test acts and asserts.
/// The steps go through the real write path: the secretariat's mutations (<see cref="AsSecretary(KvkTestServer, string)"/>)
/// or the store's recorder (<see cref="On"/>).
/// </summary>
public sealed class Given(RoundWriter writer)
{
    public const string Habo = "0643";
    public const string Svedala = "1263";
    public const string Motivation = "Kommunen visar vägen.";

    /// <summary>Recorded through the host's <c>RoundRecorder</c>, as <c>RecordedRounds</c> does.</summary>
    public static Given On(KvkTestServer server) => new(new StoreWriter(server));

    /// <summary>Recorded through the secretariat's GraphQL mutations, with <paramref name="token"/>.</summary>
    public static Given AsSecretary(KvkTestServer server, string token) => AsSecretary(server.Client, server.ConnectionString, token);

    /// <summary>Recorded through the mutations of the host at <paramref name="client"/>, over the database of <paramref name="connectionString"/>.</summary>
    public static Given AsSecretary(HttpClient client, string connectionString, string token) => new(new SecretariatWriter(client, connectionString, token));

    /// <summary>A year with no round, and one no other test will record: for a test that opens its round itself.</summary>
    public int AFreeYear() => RoundYears.Next(writer.ConnectionString);

    /// <summary>An open round without nominees.</summary>
    public async Task<GivenRound> AnOpenRound()
    {
        var year = AFreeYear();
        return new GivenRound(year, [], Version: await writer.RecordAsync(new OpenRound(year)));
    }

    /// <summary>An open round with <paramref name="nominees"/> (Habo and Svedala unless named), in that order.</summary>
    public async Task<GivenRound> ARoundWithNominees(params string[] nominees)
    {
        var round = await AnOpenRound();
        nominees = nominees is [] ? [Habo, Svedala] : nominees;
        var version = round.Version;
        foreach (var code in nominees)
        {
            version = await writer.RecordAsync(new NominateMunicipality(round.Year, code));
        }

        return round with { Nominees = nominees, Version = version };
    }

    /// <summary>A round whose nominations are closed: the jury is judging.</summary>
    public async Task<GivenRound> AJudgingRound(params string[] nominees)
    {
        var round = await ARoundWithNominees(nominees);
        return round with { Version = await writer.RecordAsync(new CloseNominations(round.Year)) };
    }

    /// <summary>A round the jury has decided, for <paramref name="winner"/> (the first nominee unless named); the decision is secret.</summary>
    public async Task<GivenRound> ADecidedRound(string? winner = null, string motivation = Motivation, params string[] nominees)
    {
        var round = await ARoundWithNominees(nominees);
        winner ??= round.Nominees[0];
        var version = await writer.RecordAsync(new RecordJuryDecision(round.Year, winner, motivation, null));
        return round with { Winner = winner, Motivation = motivation, Version = version, DecidedVersion = version };
    }

    /// <summary>A decided round whose announcement is scheduled for <paramref name="at"/>, a moment in the future.</summary>
    public async Task<GivenRound> AScheduledRound(DateTimeOffset at, string? winner = null, string motivation = Motivation, params string[] nominees)
    {
        var round = await ADecidedRound(winner, motivation, nominees);
        return round with { Version = await writer.RecordAsync(new ScheduleAnnouncement(round.Year, at, DateTimeOffset.UtcNow)) };
    }

    /// <summary>A decided round whose award is announced (dated <paramref name="announcedAt"/>, or the moment of recording).</summary>
    public async Task<GivenRound> AnAnnouncedRound(
        DateTimeOffset? announcedAt = null, string? winner = null, string motivation = Motivation, params string[] nominees)
    {
        var round = await ADecidedRound(winner, motivation, nominees);
        var version = await writer.RecordAsync(new AnnounceAward(round.Year, announcedAt, AskedAt: DateTimeOffset.UtcNow));
        return round with { Version = version, AnnouncedVersion = version };
    }

    /// <summary>An announced round whose motivation was then corrected to <paramref name="corrected"/>.</summary>
    public async Task<GivenRound> AnAnnouncedRoundWithACorrection(
        string corrected, string reason = "Ett ord föll bort.", string? winner = null, string motivation = Motivation, params string[] nominees)
    {
        var round = await AnAnnouncedRound(null, winner, motivation, nominees);
        return round with { Version = await writer.RecordAsync(new CorrectMotivation(round.Year, corrected, reason)) };
    }
}
