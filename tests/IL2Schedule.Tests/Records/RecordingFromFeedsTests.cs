using System.Globalization;
using FluentAssertions;
using IL2Schedule.Records;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Records;

/// <summary>
/// Recording from feeds that carry <see cref="DateTimeOffset"/> or <see cref="ZonedDateTime"/>
/// values: <see cref="DoseGiven"/>, <see cref="CourseStopped"/> and status queries take them as the
/// instants they stand for, whatever their offset or zone. Worked example: 2027-03-10 08:00
/// America/New_York (EST -05:00 until 2027-03-14 02:00, then EDT -04:00), elapsed timing.
/// </summary>
public class RecordingFromFeedsTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>Parsed by the BCL's own parser, independent of NodaTime's patterns.</summary>
    private static DateTimeOffset Offset(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static CourseRecord Started(decimal? weight = null) =>
        CourseRecord.Start(new CoursePlanner().Plan(Local("2027-03-10T08:00"), NewYork).WithBodyWeight(weight));

    // 08:05 EST (-05:00) is 13:05 UTC.
    [Fact]
    public void DoseGiven_FromDateTimeOffsets_IsTheEventOfTheSameInstants()
    {
        var dose = new DoseGiven("e1", 1, 1, Offset("2027-03-10T08:05:00-05:00"), Offset("2027-03-10T08:25:00-05:00"));

        dose.Start.Should().Be(Instant.FromUtc(2027, 3, 10, 13, 5));
        dose.End.Should().Be(Instant.FromUtc(2027, 3, 10, 13, 25));
        dose.Should().Be(new DoseGiven("e1", 1, 1, Instant.FromUtc(2027, 3, 10, 13, 5), Instant.FromUtc(2027, 3, 10, 13, 25)));
    }

    // A feed in UTC+01:00 writes 08:05 EST as 14:05+01:00: the same instant, accepted although the
    // course's zone has -05:00 then.
    [Fact]
    public void DoseGiven_OffsetOtherThanTheCourseZones_IsAcceptedAsTheSameInstant()
    {
        var record = Started().Apply(new DoseGiven("e1", 1, 1, Offset("2027-03-10T14:05:00+01:00"), null));

        var slot = record.Schedule.Slots[0];
        Rfc3339(slot.GivenStart!.Value).Should().Be("2027-03-10T08:05:00-05:00");
        Rfc3339(slot.GivenEnd!.Value).Should().Be("2027-03-10T08:20:00-05:00");
        // Elapsed timing: the next slot is due 8 hours after the recorded start.
        Rfc3339(record.Schedule.Slots[1].Due).Should().Be("2027-03-10T16:05:00-05:00");
    }

    [Fact]
    public void DoseGiven_EndNotAfterStartAsOffsets_ThrowsArgumentException()
    {
        var act = () => new DoseGiven("e1", 1, 1, Offset("2027-03-10T08:05:00-05:00"), Offset("2027-03-10T13:05:00+00:00"));

        act.Should().ThrowExactly<ArgumentException>().WithMessage(
            "end must be after start 2027-03-10T13:05:00Z; was 2027-03-10T13:05:00Z (Parameter 'end')");
    }

    // 13:05 GMT (+00:00) in London is 08:05 EST in New York.
    [Fact]
    public void DoseGiven_FromZonedDateTimesInAnotherZone_IsTheEventOfTheSameInstants()
    {
        var start = new LocalDateTime(2027, 3, 10, 13, 5).InZoneStrictly(London);

        var dose = new DoseGiven(null, 1, 1, start, start.PlusMinutes(15));

        dose.Should().Be(new DoseGiven(null, 1, 1, Instant.FromUtc(2027, 3, 10, 13, 5), Instant.FromUtc(2027, 3, 10, 13, 20)));
    }

    // 01:00 EST (-05:00) on 03-11 is 06:00 UTC; the same instant written in +09:00 is 15:00.
    [Fact]
    public void CourseStopped_FromDateTimeOffsetAndZonedDateTime_IsTheEventOfTheSameInstant()
    {
        var expected = new CourseStopped("s1", Instant.FromUtc(2027, 3, 11, 6, 0), "capillary leak");

        new CourseStopped("s1", Offset("2027-03-11T15:00:00+09:00"), "capillary leak").Should().Be(expected);
        new CourseStopped("s1", new LocalDateTime(2027, 3, 11, 1, 0).InZoneStrictly(NewYork), "capillary leak").Should().Be(expected);
    }

    [Fact]
    public void CourseStopped_EmptyReasonWithADateTimeOffset_ThrowsArgumentException()
    {
        var act = () => new CourseStopped("s1", Offset("2027-03-11T01:00:00-05:00"), " ");

        act.Should().ThrowExactly<ArgumentException>().WithMessage("reason must not be empty or white space; was ' ' (Parameter 'reason')");
    }

    // 09:00 EST (-05:00) on 03-11 is 14:00 UTC, written here in UTC and in London (GMT).
    [Fact]
    public void GetStatus_FromDateTimeOffsetOrZonedDateTime_EqualsTheStatusAtTheInstant()
    {
        var record = Started().Apply(new DoseGiven("e1", 1, 1, Offset("2027-03-10T08:00:00-05:00"), null));
        var atInstant = record.GetStatus(Instant.FromUtc(2027, 3, 11, 14, 0));

        foreach (var status in new[] { record.GetStatus(Offset("2027-03-11T14:00:00+00:00")), record.GetStatus(new LocalDateTime(2027, 3, 11, 14, 0).InZoneStrictly(London)) })
        {
            status.At.Should().Be(atInstant.At);
            status.Overdue.Select(slot => slot.Slot).Should().Equal(2, 3, 4);
            status.NextDue!.Slot.Should().Be(5);
            status.ToString().Should().Be(atInstant.ToString());
        }
    }

    // Slots 2 (16:00), 3 (00:00) and 4 (08:00 EST) are due before 09:00 EST on 03-11; slot 5 is at 16:00.
    [Fact]
    public void CourseStatus_ToString_NamesTheOverdueSlotsAndTheNextInTheCoursesZone()
    {
        var record = Started().Apply(new DoseGiven("e1", 1, 1, Offset("2027-03-10T08:00:00-05:00"), null));

        record.GetStatus(Offset("2027-03-11T09:00:00-05:00")).ToString().Should().Be(
            "at 2027-03-11T09:00:00-05:00: in progress; 3 overdue (cycle 1 slots 2, 3, 4); next due cycle 1 slot 5 at 2027-03-11T16:00:00-05:00");
        record.GetStatus(Offset("2027-03-10T12:00:00-05:00")).ToString().Should().Be(
            "at 2027-03-10T12:00:00-05:00: in progress; nothing overdue; next due cycle 1 slot 2 at 2027-03-10T16:00:00-05:00");
    }

    // Cycle 1's window: 120 elapsed hours from 08:00 EST (13:00 UTC) closes at 13:00 UTC on 03-15,
    // 09:00 EDT (-04:00). With no event the plan stands: 28 doses, the last 03-28 16:00 EDT, ending
    // 16:15; imaging 4 weeks after 03-28.
    [Fact]
    public void ReplannedScheduleAndCycle_ToString_InProgress()
    {
        var schedule = Started().Apply(new DoseGiven("e1", 1, 1, Offset("2027-03-10T08:00:00-05:00"), null)).Schedule;

        schedule.ToString().Should().Be("1 given, 0 held, 27 planned; in progress; projected end 2027-03-28T16:15:00-04:00; imaging 2027-04-25");
        schedule.Cycles[0].ToString().Should().Be("cycle 1: 2027-03-10T08:00:00-05:00 to 2027-03-15T09:00:00-04:00, 1 given, 0 held, running");
        schedule.Slots[0].ToString().Should().Be("cycle 1 slot 1: given, given 2027-03-10T08:00:00-05:00");
    }

    // Stopped at 17:00 EST on 03-10 after dose 2 (16:00-16:15): the course ends 16:15 EST on 03-10;
    // imaging 4 weeks later, 04-07.
    [Fact]
    public void ReplannedScheduleAndCycle_ToString_StoppedCourse()
    {
        var schedule = Started()
            .Apply(new DoseGiven("e1", 1, 1, Offset("2027-03-10T08:00:00-05:00"), null))
            .Apply(new DoseHeld("h2", 1, 2, "hypotension"))
            .Apply(new CourseStopped("s1", Offset("2027-03-10T17:00:00-05:00"), "capillary leak"))
            .Schedule;

        schedule.ToString().Should().Be("1 given, 1 held, 0 planned; complete; ends 2027-03-10T08:15:00-05:00; imaging 2027-04-07");
        schedule.Cycles[0].ToString().Should().Be("cycle 1: 2027-03-10T08:00:00-05:00 to 2027-03-15T09:00:00-04:00, 1 given, 1 held, ended (course stopped)");
        schedule.Slots[1].ToString().Should().Be("cycle 1 slot 2: held, due 2027-03-10T16:00:00-05:00 (hypotension)");
    }

    // 72.5 kg at the label's 0.037 mg/kg is 2.6825 mg per dose, and 600,000 IU/kg is 43,500,000 IU;
    // with 1 given and 27 planned, 28 doses: 75.11 mg and 1,218,000,000 IU. Given so far: 2.6825 mg.
    [Fact]
    public void ProjectedCourseMilligrams_IsTheDoseMilligramsTimesGivenAndPlanned()
    {
        var schedule = Started(72.5m).Apply(new DoseGiven("e1", 1, 1, Offset("2027-03-10T08:00:00-05:00"), null)).Schedule;

        schedule.ProjectedCourseMilligrams.Should().Be(75.11m);
        schedule.ProjectedCourseInternationalUnits.Should().Be(1_218_000_000m);
        schedule.GivenCourseMilligrams.Should().Be(2.6825m);
    }

    [Fact]
    public void ProjectedCourseMilligrams_WithoutAWeightOrAMilligramFigure_IsNull()
    {
        Started().Schedule.ProjectedCourseMilligrams.Should().BeNull();
        var nci = CourseRecord.Start(new CoursePlanner(CourseProtocol.Presets["nci"]).Plan(Local("2027-03-10T08:00"), NewYork).WithBodyWeight(72.5m));
        nci.Schedule.ProjectedCourseMilligrams.Should().BeNull();
        nci.Schedule.ProjectedCourseInternationalUnits.Should().NotBeNull();
    }
}
