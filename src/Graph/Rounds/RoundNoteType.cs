using GraphQL.Types;
using Kvk.Graph.Sources;
using Kvk.Storage.Rounds;

namespace Kvk.Graph.Rounds;

public sealed class RoundNoteType : ObjectGraphType<RoundNote>
{
    public RoundNoteType()
    {
        Name = "RoundNote";
        Description = "Something known of a round but not recorded as a fact of it (e.g. a winner reported by a newspaper without the jury's " +
            "announcement), with its sources.";
        Field(x => x.Text).Description("The note.");
        this.AddSources("The sources of the note.", n => n.Sources);
    }
}
