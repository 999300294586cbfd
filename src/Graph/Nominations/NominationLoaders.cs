using Kvk.Graph.Engine.Reading;
using Kvk.Storage.Nominations;
using Kvk.Storage.Store;

namespace Kvk.Graph.Nominations;

/// <summary>How nominations are loaded in batches: by round, by id and by municipality.</summary>
public static class NominationLoaders
{
    public static readonly LoaderKind<int, IReadOnlyList<NominationView>> ByYear =
        DocumentLoaders.Many<int, NominationView>(DocumentTables.Nominations, DocumentTables.MainProgramme, "year", "int", n => n.Year);

    public static readonly LoaderKind<string, NominationView?> ById =
        DocumentLoaders.One<string, NominationView>(DocumentTables.Nominations, DocumentTables.MainProgramme, "id", "text", n => n.Id);

    public static readonly LoaderKind<string, IReadOnlyList<NominationView>> ByMunicipality =
        DocumentLoaders.Many<string, NominationView>(DocumentTables.Nominations, DocumentTables.MainProgramme, "municipality_code", "text", n => n.MunicipalityCode);
}
