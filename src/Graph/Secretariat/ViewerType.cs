using GraphQL.Types;
using Kvk.Graph.Engine.Schema;

namespace Kvk.Graph.Secretariat;

/// <summary>Who the request is from, so that a client (the admin page) can check a token before recording.</summary>
public sealed class ViewerType : ObjectGraphType<System.Security.Claims.ClaimsPrincipal>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "Who is asking: the public, or a secretary signed in with a secretariat token.";
        Field<NonNullGraphType<BooleanGraphType>>("isSecretariat")
            .Description("True when the request carries a valid secretariat token (`Authorization: Bearer <token>`).")
            .Resolve(c => c.Source.IsInRole(Viewer.SecretariatRole));
        Field<StringGraphType>("name")
            .Description("The secretary's name bound to the token, as recorded with each event; null for the public.")
            .Resolve(c => c.Source.IsInRole(Viewer.SecretariatRole) ? c.Source.Identity?.Name : null);
    }
}

public static class SecretariatQueries
{
    public static void AddSecretariatQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ViewerType>>("viewer")
            .Description("Who is asking. Public; tells a client whether its token is a valid secretariat token.")
            .Resolve(c => c.User ?? new System.Security.Claims.ClaimsPrincipal());
}
