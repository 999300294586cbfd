using Kvk.Domain.Rounds;

namespace Kvk.Graph.Tests.Support.Scenarios;

/// <summary>How a scenario records its steps: through the store's write path or through the secretariat's API.</summary>
public abstract class RoundWriter(string connectionString)
{
    /// <summary>The database the rounds go to, so that years are handed out per database.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>Records one command, which must be accepted, and returns the round's version after it.</summary>
    public abstract Task<int> RecordAsync(RoundCommand command);
}
