using DrivePower.Ocpp.Messages;

namespace DrivePower.Tests.Ocpp.Messages;

public class DateTimeWireFormatTests
{
    [Fact]
    public void Date_times_are_written_in_utc_with_Z_and_at_most_millisecond_precision()
    {
        var at = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

        var json = OcppJson.ToElement(new HeartbeatResponse { CurrentTime = at }).GetRawText();

        Assert.Equal("""{"currentTime":"2026-11-23T12:00:00.123Z"}""", json);
    }

    [Fact]
    public void Whole_seconds_are_written_without_a_fraction()
    {
        var json = OcppJson.ToElement(new HeartbeatResponse { CurrentTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) }).GetRawText();

        Assert.Equal("""{"currentTime":"2026-01-02T03:04:05Z"}""", json);
    }
}
