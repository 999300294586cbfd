using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Kvk.Graph.Engine.Schema;
using Kvk.Graph.Rounds;

namespace Kvk.Graph.Secretariat;

/// <summary>Who the request is from, so that a client (the admin page) can check a token before recording.</summary>
public sealed class ViewerType : ObjectGraphType<ClaimsPrincipal>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "Who is asking: the public, a secretary signed in with a secretariat credential, or the press under embargo.";
        Field<NonNullGraphType<BooleanGraphType>>("isSecretariat")
            .Description("True when the request carries a valid secretariat token (`Authorization: Bearer <token>`).")
            .Resolve(c => c.Source.IsInRole(Viewer.SecretariatRole));
        Field<NonNullGraphType<BooleanGraphType>>("isPress")
            .Description("True when the request carries a valid press credential: it reads a decision before its announcement, and records nothing.")
            .Resolve(c => c.Source.IsInRole(Viewer.PressRole));
        Field<StringGraphType>("name")
            .Description("The name bound to the credential (a secretary's, as recorded with each event; or the press credential's); null for the public.")
            .Resolve(c => c.Source.IsInRole(Viewer.SecretariatRole) || c.Source.IsInRole(Viewer.PressRole) ? c.Source.Identity?.Name : null);
        Field<ListGraphType<NonNullGraphType<EmbargoReadType>>>("embargoReads")
            .Description($"For the secretariat only (null for anyone else): the press's reads of a decision before its announcement, newest first, at most " +
                $"{EmbargoReadLog.MaxEntries}.")
            .Argument<IntGraphType>("year", "Only the reads of this round.")
            .ResolveAsync(async c => c.Source.IsInRole(Viewer.SecretariatRole)
                ? await c.Service<EmbargoReadLog>().ReadAsync(c.GetArgument<int?>("year"), c.CancellationToken)
                : null);
    }
}

public static class SecretariatQueries
{
    public static void AddSecretariatQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ViewerType>>("viewer")
            .Description("Who is asking. Public; tells a client whether its token is a valid secretariat token.")
            .Resolve(c => c.User ?? new ClaimsPrincipal());
}
