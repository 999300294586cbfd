namespace Kvk.Graph.ReadModel;

/// <summary>The read-model tables Marten keeps for the projected documents (see KvkStoreOptions).</summary>
public static class DocumentTables
{
    public const string Rounds = "kvk.mt_doc_round";
    public const string Awards = "kvk.mt_doc_award";
    public const string Nominations = "kvk.mt_doc_nomination";
    public const string Municipalities = "kvk.mt_doc_municipality";
}
