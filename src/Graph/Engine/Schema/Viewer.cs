using GraphQL;

namespace Kvk.Graph.Engine.Schema;

/// <summary>Who is asking: the public, or the jury secretariat (authenticated; may see a decision before it is announced).</summary>
public static class Viewer
{
    public const string SecretariatRole = "secretariat";

    public static bool IsSecretariat(this IResolveFieldContext context) => context.User?.IsInRole(SecretariatRole) == true;
}
