using GraphQL;

namespace Kvk.Graph.Engine.Schema;

/// <summary>
/// Who is asking: the public; the jury secretariat (records rounds and may see a decision before it is announced); or
/// the press under embargo (reads a decision before it is announced, records nothing).
/// </summary>
public static class Viewer
{
    public const string SecretariatRole = "secretariat";
    public const string PressRole = "press";

    /// <summary>The claim that names the credential a user signed in with, where it is one issued in the database.</summary>
    public const string CredentialClaim = "kvk:credential";

    public static bool IsSecretariat(this IResolveFieldContext context) => context.User?.IsInRole(SecretariatRole) == true;

    public static bool IsPress(this IResolveFieldContext context) => context.User?.IsInRole(PressRole) == true;

    /// <summary>Whether the asker may read a decision before its announcement: the secretariat and the press.</summary>
    public static bool SeesUndisclosedDecision(this IResolveFieldContext context) => context.IsSecretariat() || context.IsPress();
}
