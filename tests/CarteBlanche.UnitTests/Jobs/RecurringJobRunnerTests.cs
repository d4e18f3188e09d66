using CarteBlanche.Platform.Jobs;
using Xunit;

namespace CarteBlanche.UnitTests.Jobs;

public sealed class RecurringJobRunnerTests
{
    [Fact]
    public void TickStart_rounds_down_to_the_start_of_the_interval()
    {
        var now = new DateTimeOffset(2026, 3, 14, 9, 47, 12, 345, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero), RecurringJobRunner.TickStart(now, TimeSpan.FromHours(1)));
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 45, 0, TimeSpan.Zero), RecurringJobRunner.TickStart(now, TimeSpan.FromMinutes(15)));
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.Zero), RecurringJobRunner.TickStart(now, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void TickStart_of_a_tick_boundary_is_itself()
    {
        var boundary = new DateTimeOffset(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(boundary, RecurringJobRunner.TickStart(boundary, TimeSpan.FromHours(1)));
        Assert.Equal(boundary, RecurringJobRunner.TickStart(boundary.AddTicks(TimeSpan.TicksPerHour - 1), TimeSpan.FromHours(1)));
        Assert.Equal(boundary.AddHours(1), RecurringJobRunner.TickStart(boundary.AddHours(1), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void TickStart_is_the_same_instant_whatever_the_offset_of_now()
    {
        // 10:47 in Paris (UTC+1) is 09:47 UTC: every instance must agree on the tick.
        var paris = new DateTimeOffset(2026, 3, 14, 10, 47, 0, TimeSpan.FromHours(1));
        var utc = paris.ToUniversalTime();

        var tick = RecurringJobRunner.TickStart(paris, TimeSpan.FromHours(1));

        Assert.Equal(RecurringJobRunner.TickStart(utc, TimeSpan.FromHours(1)), tick);
        Assert.Equal(TimeSpan.Zero, tick.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero), tick);
    }
}
