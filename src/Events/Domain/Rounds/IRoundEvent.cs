namespace Kvk.Domain.Rounds;

/// <summary>
/// A fact of an award round, as stored in its stream. Stored events never change meaning: a new kind of fact gets a new
/// record, never a new field with new semantics on an old one. Each kind is declared once, in a file of its own under
/// <c>Events/</c> (<see cref="IRoundEvent{TSelf}"/>): the record, its stored name, how it folds into <see cref="Round"/>
/// and how it is told.
/// </summary>
public interface IRoundEvent
{
    /// <summary>The award year of the round the fact belongs to.</summary>
    int Year { get; }

    /// <summary>
    /// The state of the round after this fact, from the state before it (null before the round was opened). A fact the
    /// rules do not need says so instead (<see cref="ILeavesRoundStateAlone"/>).
    /// </summary>
    Round? Evolve(Round? state);

    /// <summary>What the round's history shows of this fact besides its words (a method, so that it is never stored).</summary>
    RoundEventFacts Facts();
}

/// <summary>A kind of round event, declared: its stored name and how it is told, beside its record and its fold.</summary>
public interface IRoundEvent<TSelf> : IRoundEvent
    where TSelf : IRoundEvent<TSelf>
{
    /// <summary>
    /// The name in the event table (e.g. "round_opened"). Part of the record: the class may be renamed, this may not.
    /// History shows it as the event's <c>type</c>.
    /// </summary>
    static abstract string StoredName { get; }

    /// <summary>How the fact is told: in the API's history, on the explorer's pages and on the secretariat's page.</summary>
    static abstract RoundEventTelling Telling { get; }
}

/// <summary>
/// A fact the rules do not need (a note, a source): it leaves the round's state as it was. Declared so rather than with
/// a fold of its own, so that a test can tell a fact that changes nothing on purpose from a fold that does nothing.
/// </summary>
public interface ILeavesRoundStateAlone : IRoundEvent
{
    Round? IRoundEvent.Evolve(Round? state) => state;
}
