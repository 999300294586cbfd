namespace Kvk.Storage.PublicLog;

/// <summary>
/// Who recorded an event, as the public log names them: by role, never by a person's name (the stored <c>user_name</c>
/// is the secretary's, and stays for the secretariat's own history).
/// </summary>
public static class PublicLogActors
{
    /// <summary>The stored actor of the scheduler's announcements (the secretariat's history shows it as it is).</summary>
    public const string Scheduler = "schemalagt tillkännagivande";

    /// <summary>The stored actor of the seed import (<c>SeedImporter.Actor</c>).</summary>
    public const string SeedImport = "seed-import";

    /// <summary>The role of a stored actor: <c>seed</c>, <c>scheduler</c> or <c>secretariat</c>.</summary>
    public static string RoleOf(string? storedActor) => storedActor switch
    {
        SeedImport => "seed",
        Scheduler => "scheduler",
        _ => "secretariat",
    };
}
