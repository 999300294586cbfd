using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kvk.Domain.Seeding;

/// <summary>
/// What a seeded event is called on every install: its id follows from its place (the stream's key and the event's
/// version), so two installs that import the same seed hold the same events, to the id, and publish the same log.
/// </summary>
public static class SeedEventIdentity
{
    /// <summary>
    /// A name-based id (RFC 9562 version 8): the first 16 bytes of SHA-256 of <c>"kvk-seed\n{streamKey}\n{version}"</c>,
    /// with the version and variant bits set.
    /// </summary>
    public static Guid EventId(string streamKey, long version)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"kvk-seed\n{streamKey}\n{version}")))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// The salt of a seeded decision's seal. A salt keeps a decision secret until its announcement; a seeded decision was
    /// published before it was imported, so its salt is public and anyone can derive it: <c>kvk-seed:{streamKey}:{version}</c>.
    /// </summary>
    public static string Salt(string streamKey, long version) => string.Create(CultureInfo.InvariantCulture, $"kvk-seed:{streamKey}:{version}");
}
