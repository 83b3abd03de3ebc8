using FluentAssertions;
using IL2Schedule.Records;
using IL2Schedule.Serialization;
using NodaTime;

namespace IL2Schedule.Tests.Records;

/// <summary>
/// Re-planning with standard administration times (with a recorded course): a late
/// dose does not move the standard times, and the 50% rule decides whether the next one is skipped.
/// America/New_York in June: EDT, -04:00 throughout.
/// </summary>
public class CourseRecordStandardTimesTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static CourseRecord Start() =>
        CourseRecord.Start(new CoursePlanner(CourseProtocol.Label.WithDoseTiming(DoseTiming.StandardTimes))
            .Plan(new LocalDateTime(2027, 6, 10, 8, 0), NewYork));

    private static Instant Edt(int day, int hour, int minute) => new LocalDateTime(2027, 6, day, hour, minute).InZoneStrictly(NewYork).ToInstant();

    private static string Due(CourseRecord record, int slot) =>
        record.Schedule.Cycles[0].Slots[slot - 1].Due.LocalDateTime.ToString("dd HH:mm", null);

    // Planned: 08:00, 16:00, 00:00 (standard times 00:00, 08:00, 16:00).
    [Fact]
    public void Unrecorded_FollowsTheStandardTimes()
    {
        var record = Start();

        Due(record, 1).Should().Be("10 08:00");
        Due(record, 2).Should().Be("10 16:00");
        Due(record, 3).Should().Be("11 00:00");
    }

    // Slot 2 given at 17:30 (late): the next standard time, 00:00, is 6.5 h away (>= 4 h), so slot 3 stays 00:00.
    [Fact]
    public void LateDose_KeepsTheNextStandardTimeWhenHalfAnIntervalRemains()
    {
        var record = Start()
            .Apply(new DoseGiven("a", 1, 1, Edt(10, 8, 0), null))
            .Apply(new DoseGiven("b", 1, 2, Edt(10, 17, 30), null));

        Due(record, 3).Should().Be("11 00:00");
        Due(record, 4).Should().Be("11 08:00");
    }

    // Slot 2 given at 20:30: 00:00 is 3.5 h away (< 4 h), so it is skipped and slot 3 is due 08:00;
    // the later slots stay on the standard times (16:00, 00:00, ...).
    [Fact]
    public void LateDose_SkipsTheNextStandardTimeWhenLessThanHalfAnIntervalRemains()
    {
        var record = Start()
            .Apply(new DoseGiven("a", 1, 1, Edt(10, 8, 0), null))
            .Apply(new DoseGiven("b", 1, 2, Edt(10, 20, 30), null));

        Due(record, 3).Should().Be("11 08:00");
        Due(record, 4).Should().Be("11 16:00");
        Due(record, 5).Should().Be("12 00:00");
    }

    [Fact]
    public void Json_RoundTripsTheStandardTimesRecord()
    {
        var record = Start().Apply(new DoseGiven("a", 1, 1, Edt(10, 8, 0), null));

        var readBack = CourseRecordJson.Deserialize(CourseRecordJson.Serialize(record));

        readBack.Should().Be(record);
        readBack.Plan.DoseTiming.Should().Be(DoseTiming.StandardTimes);
    }
}
