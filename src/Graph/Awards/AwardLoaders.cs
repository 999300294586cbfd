using Kvk.Graph.Engine.Reading;
using Kvk.Storage.Awards;
using Kvk.Storage.Store;

namespace Kvk.Graph.Awards;

/// <summary>How awards are loaded in batches: by year, and by receiving municipality.</summary>
public static class AwardLoaders
{
    public static readonly LoaderKind<int, AwardView?> ByYear = DocumentLoaders.One<int, AwardView>(DocumentTables.Awards, DocumentTables.MainProgramme, "year", "int", a => a.Year);

    public static readonly LoaderKind<string, IReadOnlyList<AwardView>> ByMunicipality =
        DocumentLoaders.Many<string, AwardView>(DocumentTables.Awards, DocumentTables.MainProgramme, "municipality_code", "text", a => a.MunicipalityCode);
}
