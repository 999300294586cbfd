using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Kvk.Graph.Engine.Profiling;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// GraphQL.NET's parser with a depth limit that is reported as what it is: a syntax error at the place the
/// document went too deep. The parser's own depth error is not a syntax error, so it surfaced as an internal one.
/// </summary>
/// <param name="profile">Times each parse, when the request profile is enabled.</param>
public sealed class DepthLimitedDocumentBuilder(int maxDepth, RequestProfile? profile = null) : IDocumentBuilder
{
    private readonly GraphQLDocumentBuilder _parser = new() { MaxDepth = maxDepth };

    public GraphQLDocument Build(string body)
    {
        var started = profile is null ? 0 : RequestProfile.Now();
        try
        {
            return _parser.Build(body);
        }
        catch (GraphQLMaxDepthExceededException e)
        {
            throw new SyntaxError(new GraphQLSyntaxErrorException("The document nests more than " +
                $"{maxDepth} levels deep", body, Offset(body, e.Location.Line, e.Location.Column)));
        }
        finally
        {
            profile?.Add(ProfilePhase.Parse, started);
        }
    }

    private static int Offset(string body, int line, int column)
    {
        var offset = 0;
        for (var i = 1; i < line && offset < body.Length; i++)
        {
            var end = body.IndexOf('\n', offset);
            offset = end < 0 ? body.Length : end + 1;
        }

        return Math.Min(body.Length, offset + Math.Max(0, column - 1));
    }
}
