using JasperFx.Events;

namespace Kvk.Storage.Store;

public static class EventTime
{
    /// <summary>
    /// When the event was recorded, as PostgreSQL stores it (microseconds). The event object of an
    /// append carries the clock's finer ticks; projecting the stored value keeps an inline projection
    /// and a rebuild from the table identical.
    /// </summary>
    public static DateTimeOffset RecordedAt(this IEvent e) => new(e.Timestamp.Ticks - (e.Timestamp.Ticks % 10), e.Timestamp.Offset);
}
