namespace Kvk.Domain.Municipalities;

/// <summary>A county (län), e.g. code "12", name "Skåne län", short name "Skåne".</summary>
public sealed record County(string Code, string Name, string ShortName);

/// <summary>
/// A municipality (kommun) with its official 4-digit code (kept as text: "0180"), its short name
/// ("Stockholm"), its official name ("Stockholms kommun") and its county.
/// </summary>
public sealed record Municipality(string Code, string Name, string OfficialName, County County);
