using GraphQL.Types;
using Kvk.Domain.Municipalities;
using Kvk.Graph.Awards;
using Kvk.Graph.Meta;
using Kvk.Graph.Municipalities;
using Kvk.Graph.Nominations;
using Kvk.Graph.PublicLog;
using Kvk.Graph.Rounds;
using Kvk.Graph.Search;
using Kvk.Graph.Secretariat;

namespace Kvk.Graph.Schema;

/// <summary>The public read side; each feature folder adds its own root fields.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType(MunicipalityDirectory municipalities)
    {
        Name = "Query";
        Description = "The public record of Utmärkelsen Sveriges KvalitetsKommun: awards, rounds, nominations, municipalities.";
        this.AddAwardQueries();
        this.AddRoundQueries();
        this.AddNominationQueries();
        this.AddMunicipalityQueries(municipalities);
        this.AddSearchQueries();
        this.AddNodeQueries(municipalities);
        this.AddSecretariatQueries();
        this.AddMetaQueries();
        this.AddPublicLogQueries();
    }
}
