using Kvk.Storage.Programmes;

namespace Kvk.Storage.Store;

/// <summary>The read-model tables Marten keeps for the projected documents (<see cref="KvkStoreOptions"/>), for reads in SQL.</summary>
public static class ViewTables
{
    public const string Rounds = KvkStoreOptions.SchemaName + ".mt_doc_round";
    public const string Awards = KvkStoreOptions.SchemaName + ".mt_doc_award";
    public const string Nominations = KvkStoreOptions.SchemaName + ".mt_doc_nomination";
    public const string Municipalities = KvkStoreOptions.SchemaName + ".mt_doc_municipality";

    /// <summary>The condition that keeps a read of rounds, awards or nominations to Sveriges KvalitetsKommun.</summary>
    public const string MainProgramme = "programme = '" + AwardProgramme.Main + "'";

    /// <summary><see cref="MainProgramme"/> for a row under an alias.</summary>
    public static string ServedProgramme(string alias) => $"{alias}.{MainProgramme}";
}
