namespace CarteBlanche.IntegrationTests.Infrastructure;

/// <summary>
/// A clock the test moves by hand; shared by several hosts, it makes them agree on the time.
/// <paramref name="serverTimeZone"/> plays the server's own zone (what <c>GetLocalNow</c> would use):
/// UTC makes any code that asks the server for "today" instead of Paris wrong around midnight.
/// </summary>
public sealed class TestClock(DateTimeOffset start, TimeZoneInfo? serverTimeZone = null) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => serverTimeZone ?? base.LocalTimeZone;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
