using GraphQL.Types;

namespace Kvk.Graph.Engine.Schema;

/// <summary>Global object identification: every entity has an opaque, globally unique <c>id</c>.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global ID, which `node(id:)` resolves.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The global ID of the object.");
    }
}
