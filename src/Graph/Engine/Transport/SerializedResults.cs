using System.Runtime.CompilerServices;
using System.Text;
using GraphQL;

namespace Kvk.Graph.Engine.Transport;

/// <summary>
/// A result's JSON, written once however many subscribers it goes to (a live event's result is shared by the
/// subscribers of one selection), each transport framing the same bytes for its own subscriber. Held only as long as
/// the result is.
/// </summary>
public sealed class SerializedResults(IGraphQLTextSerializer serializer)
{
    private readonly ConditionalWeakTable<ExecutionResult, byte[]> _written = [];

    public ReadOnlyMemory<byte> Of(ExecutionResult result) =>
        _written.GetValue(result, r => Encoding.UTF8.GetBytes(serializer.Serialize(r)));
}
