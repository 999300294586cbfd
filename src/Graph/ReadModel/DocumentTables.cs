using Kvk.Graph.Engine.Reading;
using Kvk.Storage.Programmes;

namespace Kvk.Graph.ReadModel;

/// <summary>The read-model tables Marten keeps for the projected documents (see KvkStoreOptions).</summary>
public static class DocumentTables
{
    public const string Rounds = "kvk.mt_doc_round";
    public const string Awards = "kvk.mt_doc_award";
    public const string Nominations = "kvk.mt_doc_nomination";
    public const string Municipalities = "kvk.mt_doc_municipality";

    /// <summary>The condition that keeps a query of rounds, awards or nominations to Sveriges KvalitetsKommun.</summary>
    public const string MainProgramme = "programme = '" + AwardProgramme.Main + "'";

    /// <summary>A query of the main programme's documents in a round, award or nomination table.</summary>
    public static DocumentQuery Query(string table) => new DocumentQuery(table).Where(MainProgramme);
}
