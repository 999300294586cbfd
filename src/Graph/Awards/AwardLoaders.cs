using Kvk.Graph.Engine.Reading;
using Kvk.Storage.Awards;
using Kvk.Storage.Store;

namespace Kvk.Graph.Awards;

/// <summary>How awards are loaded in batches: by year, and by receiving municipality.</summary>
public static class AwardLoaders
{
    public static readonly LoaderKind<int, AwardView?> ByYear = ViewLoaders.One<int, AwardView>(
        ViewTables.Awards,
        ViewTables.MainProgramme,
        "year",
        "int",
        a => a.Year);

    public static readonly LoaderKind<string, IReadOnlyList<AwardView>> ByMunicipality =
        ViewLoaders.Many<string, AwardView>(ViewTables.Awards, ViewTables.MainProgramme, "municipality_code", "text", a => a.MunicipalityCode);
}
