namespace Kvk.Domain.Rounds;

/// <summary>What a secretary can ask of a round. Each command names the round by its award year.</summary>
public abstract record RoundCommand(int Year);

public sealed record OpenRound(int Year) : RoundCommand(Year);

public sealed record NominateMunicipality(int Year, string MunicipalityCode) : RoundCommand(Year);

public sealed record WithdrawNomination(int Year, string MunicipalityCode, string? Reason) : RoundCommand(Year);

public sealed record CloseNominations(int Year) : RoundCommand(Year);

/// <param name="RecipientName">The name the award is given to, e.g. "Helsingborgs stad"; defaults to the municipality's official name.</param>
public sealed record RecordJuryDecision(int Year, string MunicipalityCode, string Motivation, string? RecipientName) : RoundCommand(Year);

public sealed record AnnounceAward(int Year, DateTimeOffset? AnnouncedAt) : RoundCommand(Year);

public sealed record CorrectMotivation(int Year, string Motivation, string? Reason) : RoundCommand(Year);
