using Kvk.Graph.Engine.Reading;
using Kvk.Storage.Nominations;
using Kvk.Storage.Store;

namespace Kvk.Graph.Nominations;

/// <summary>How nominations are loaded in batches: by round, by id and by municipality.</summary>
public static class NominationLoaders
{
    public static readonly LoaderKind<int, IReadOnlyList<NominationView>> ByYear =
        ViewLoaders.Many<int, NominationView>(ViewTables.Nominations, ViewTables.MainProgramme, "year", "int", n => n.Year);

    public static readonly LoaderKind<string, NominationView?> ById =
        ViewLoaders.One<string, NominationView>(ViewTables.Nominations, ViewTables.MainProgramme, "id", "text", n => n.Id);

    public static readonly LoaderKind<string, IReadOnlyList<NominationView>> ByMunicipality =
        ViewLoaders.Many<string, NominationView>(ViewTables.Nominations, ViewTables.MainProgramme, "municipality_code", "text", n => n.MunicipalityCode);
}
