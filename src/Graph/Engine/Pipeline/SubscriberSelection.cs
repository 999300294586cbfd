using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Kvk.Graph.Engine.Pipeline;

/// <summary>
/// What makes two subscribers' results of one event the same: the document, the operation, the variables, the
/// subscription field, and who asks. Who asks is every claim of the user (a credential's id, its name, its role), not
/// only the role: a press credential's read under embargo is logged under its own name, and the secretariat's and the
/// press's results may hold what the public's must not. Null where the key cannot be told for sure (no document text,
/// variables that do not serialize): that subscriber's events are then resolved for it alone.
/// </summary>
public static class SubscriberSelection
{
    private const char Separator = '\u001f';

    public static string? KeyOf(ExecutionContext context, ExecutionNode node)
    {
        var document = context.Document.Source;
        if (document.IsEmpty)
        {
            return null;
        }

        string variables;
        try
        {
            variables = context.ExecutionOptions.Variables is { } inputs ? JsonSerializer.Serialize(inputs) : "";
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException)
        {
            return null;
        }

        var key = new StringBuilder()
            .Append(Viewer(context.User)).Append(Separator)
            .Append(context.Operation.Name?.StringValue).Append(Separator)
            .Append(node.Name).Append(Separator)
            .Append(variables).Append(Separator)
            .Append(document.Span);
        return key.ToString();
    }

    /// <summary>Every identity and claim of the user, in a fixed order: the same for every anonymous subscriber.</summary>
    private static string Viewer(ClaimsPrincipal? user)
    {
        if (user is null)
        {
            return "";
        }

        var viewer = new StringBuilder();
        foreach (var identity in user.Identities)
        {
            viewer.Append(identity.IsAuthenticated ? '+' : '-').Append(identity.AuthenticationType).Append(Separator)
                .Append(identity.Name).Append(Separator);
            foreach (var claim in identity.Claims.OrderBy(c => c.Type, StringComparer.Ordinal).ThenBy(c => c.Value, StringComparer.Ordinal))
            {
                viewer.Append(claim.Type).Append('=').Append(claim.Value).Append(Separator);
            }
        }

        return viewer.ToString();
    }
}
