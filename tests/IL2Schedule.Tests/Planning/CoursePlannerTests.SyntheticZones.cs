using FluentAssertions;
using NodaTime;
using NodaTime.Testing.TimeZones;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Planning;

// Pure planning logic on NodaTime.Testing's single-transition zones, where the whole zone is the
// one transition written above the data. Hand-worked; UTC instants in the comments.
public partial class CoursePlannerTests
{
    // Test/Gap: +00:00 until 2030-01-06T01:00Z, then +01:00. Local 01:00–02:00 on 2030-01-06 is skipped.
    private static readonly DateTimeZone GapZone =
        new SingleTransitionDateTimeZone(Instant.FromUtc(2030, 1, 6, 1, 0), Offset.Zero, Offset.FromHours(1), "Test/Gap");

    // Test/Overlap: +01:00 until 2030-01-06T01:00Z, then +00:00. Local 01:00–02:00 on 2030-01-06 happens twice.
    private static readonly DateTimeZone OverlapZone =
        new SingleTransitionDateTimeZone(Instant.FromUtc(2030, 1, 6, 1, 0), Offset.FromHours(1), Offset.Zero, "Test/Overlap");

    // Test/DateLine: +12:00 until 2030-01-03T00:00Z, then -12:00 (a whole day back). Local
    // 2030-01-02T12:00 to 2030-01-03T12:00 happens twice.
    private static readonly DateTimeZone DateLineZone =
        new SingleTransitionDateTimeZone(Instant.FromUtc(2030, 1, 3, 0, 0), Offset.FromHours(12), Offset.FromHours(-12), "Test/DateLine");

    // First dose 2030-01-05T01:30 +00:00 (01:30Z). Dose 4 is due at local 01:30 on 01-06, which is
    // skipped: elapsed gives 01:30Z = 02:30 +01:00; wall clock shifts 01:30 forward by the gap to
    // the same 02:30 +01:00. Dose 5: elapsed 09:30Z = 10:30 +01:00; wall clock 09:30 +01:00 (08:30Z,
    // 7 h after dose 4).
    public static TheoryData<DoseTiming, string[]> GapZoneFirstSixStarts => new()
    {
        {
            DoseTiming.Elapsed,
            [
                "2030-01-05T01:30:00+00:00", "2030-01-05T09:30:00+00:00", "2030-01-05T17:30:00+00:00",
                "2030-01-06T02:30:00+01:00", "2030-01-06T10:30:00+01:00", "2030-01-06T18:30:00+01:00",
            ]
        },
        {
            DoseTiming.WallClock,
            [
                "2030-01-05T01:30:00+00:00", "2030-01-05T09:30:00+00:00", "2030-01-05T17:30:00+00:00",
                "2030-01-06T02:30:00+01:00", "2030-01-06T09:30:00+01:00", "2030-01-06T17:30:00+01:00",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(GapZoneFirstSixStarts))]
    public void Plan_DoseDueInASkippedHour_IsPlacedByTheTiming(DoseTiming timing, string[] expectedStarts)
    {
        var schedule = new CoursePlanner(LabelWith(timing)).Plan(Local("2030-01-05T01:30"), GapZone);

        schedule.Doses.Take(6).Select(dose => Rfc3339(dose.Start)).Should().Equal(expectedStarts);
        schedule.ZoneId.Should().Be("Test/Gap");
        // Window: 01:30Z + 120 h = 2030-01-10T01:30Z = 02:30 +01:00.
        Rfc3339(schedule.Cycles[0].WindowEnd).Should().Be("2030-01-10T02:30:00+01:00");
        // Cycle 2: 2030-01-19T01:30 +01:00; its dose 14 is 104 h later, 2030-01-23T09:30.
        Rfc3339(schedule.Cycles[1].Start).Should().Be("2030-01-19T01:30:00+01:00");
        Rfc3339(schedule.CourseEnd).Should().Be("2030-01-23T09:45:00+01:00");
        Iso(schedule.ResponseAssessmentDate).Should().Be("2030-02-20");
        Iso(schedule.NextCourseWindow.Dates!).Should().Be("2030-03-06..2030-04-17");
    }

    // First dose 2030-01-05T01:30 +01:00 (00:30Z). Dose 4 is due at local 01:30 on 01-06, which
    // happens twice: elapsed gives 00:30Z = 01:30 +01:00 (before the change); wall clock takes the
    // earlier 01:30, also +01:00. Dose 5: elapsed 08:30Z = 08:30 +00:00; wall clock 09:30 +00:00,
    // 9 h after dose 4.
    public static TheoryData<DoseTiming, string[]> OverlapZoneFirstSixStarts => new()
    {
        {
            DoseTiming.Elapsed,
            [
                "2030-01-05T01:30:00+01:00", "2030-01-05T09:30:00+01:00", "2030-01-05T17:30:00+01:00",
                "2030-01-06T01:30:00+01:00", "2030-01-06T08:30:00+00:00", "2030-01-06T16:30:00+00:00",
            ]
        },
        {
            DoseTiming.WallClock,
            [
                "2030-01-05T01:30:00+01:00", "2030-01-05T09:30:00+01:00", "2030-01-05T17:30:00+01:00",
                "2030-01-06T01:30:00+01:00", "2030-01-06T09:30:00+00:00", "2030-01-06T17:30:00+00:00",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(OverlapZoneFirstSixStarts))]
    public void Plan_DoseDueInARepeatedHour_IsPlacedByTheTiming(DoseTiming timing, string[] expectedStarts)
    {
        var schedule = new CoursePlanner(LabelWith(timing)).Plan(Local("2030-01-05T01:30"), OverlapZone);

        schedule.Doses.Take(6).Select(dose => Rfc3339(dose.Start)).Should().Equal(expectedStarts);
        schedule.ZoneId.Should().Be("Test/Overlap");
    }

    [Fact]
    public void Plan_StrictFirstDoseInTheGapOfANonTzdbZone_NamesThatZonesOwnId()
    {
        var act = () => LabelPlanner.Plan(Local("2030-01-06T01:30"), GapZone);

        var exception = act.Should().ThrowExactly<LocalTimeMappingException>().Which;
        exception.ZoneId.Should().Be("Test/Gap");
        exception.Message.Should().Be(
            "The local time 2030-01-06T01:30:00 is skipped in time zone Test/Gap: clocks jump from 2030-01-06T01:00 (+00) to 2030-01-06T02:00 (+01)."
            + ResolverAdvice);
    }

    // Test/DateLine, elapsed timing from 2030-01-01T08:00 +12:00 (2029-12-31T20:00Z): dose 7 at
    // +48 h = 2030-01-02T20:00Z = 2030-01-03T08:00 +12:00; dose 8 at +56 h = 2030-01-03T04:00Z,
    // after the change, = 2030-01-02T16:00 -12:00 — the calendar goes back a day. Dose 14 at
    // +104 h = 2030-01-05T04:00Z = 2030-01-04T16:00 -12:00.
    [Fact]
    public void Plan_ElapsedAcrossADayLongFallBack_RepeatsCalendarTimeButKeepsEightHours()
    {
        var schedule = LabelPlanner.Plan(Local("2030-01-01T08:00"), DateLineZone);

        Rfc3339(schedule.Doses[6].Start).Should().Be("2030-01-03T08:00:00+12:00");
        Rfc3339(schedule.Doses[7].Start).Should().Be("2030-01-02T16:00:00-12:00");
        Rfc3339(schedule.Doses[13].Start).Should().Be("2030-01-04T16:00:00-12:00");
        Rfc3339(schedule.Cycles[0].WindowEnd).Should().Be("2030-01-05T08:00:00-12:00");
    }

    // Test/DateLine, wall-clock timing from the same first dose: local times 2030-01-02T16:00 to
    // 2030-01-03T08:00 are repeated and take the earlier (+12:00) instant; later doses are at
    // -12:00, so local time + 8 h k is 12 h further on in elapsed time. Dose 13 is due at local
    // 2030-01-05T08:00 -12:00 = 20:00Z, exactly the window end (2029-12-31T20:00Z + 120 h).
    [Fact]
    public void Plan_WallClockAcrossADayLongFallBack_ThrowsWhenADoseReachesTheWindowEnd()
    {
        var planner = new CoursePlanner(LabelWith(DoseTiming.WallClock));

        var act = () => planner.Plan(Local("2030-01-01T08:00"), DateLineZone);

        var thrown = act.Should().ThrowExactly<CoursePlanningException>().Which;
        (thrown.Reason, thrown.Cycle, thrown.DoseInCycle).Should().Be((CoursePlanningFailure.DoseOutsideCycleWindow, 1, 13));
        thrown.Message.Should().Be(
            "Dose 13 of cycle 1 would start at 2030-01-05T08:00:00-12:00, at or after the cycle's window end 2030-01-05T08:00:00-12:00: "
            + "Test/DateLine changes its clocks too far for wall-clock timing here; see rule 4 (Dose cap and cycle window); use DoseTiming.Elapsed. (Parameter 'firstDose')");
    }

    // Test/DateLine, standard times 00:00, 08:00, 16:00 from 2030-01-01T08:00 +12:00
    // (2029-12-31T20:00Z): dose 7 at local 2030-01-03T08:00, repeated, takes +12:00 = 2030-01-02T20:00Z;
    // the next standard time, 2030-01-03T16:00, exists only at -12:00 = 2030-01-04T04:00Z, 32 h
    // later. Doses 8 to 12 follow 8-hourly; dose 13 at local 2030-01-05T08:00 -12:00 = 20:00Z is
    // exactly the window end (2029-12-31T20:00Z + 120 h).
    [Fact]
    public void Plan_StandardTimesAcrossADayLongFallBack_NamesStandardTimeTimingWhenADoseReachesTheWindowEnd()
    {
        var planner = new CoursePlanner(LabelWith(DoseTiming.StandardTimes));

        var act = () => planner.Plan(Local("2030-01-01T08:00"), DateLineZone);

        var thrown = act.Should().ThrowExactly<CoursePlanningException>().Which;
        (thrown.Reason, thrown.Cycle, thrown.DoseInCycle).Should().Be((CoursePlanningFailure.DoseOutsideCycleWindow, 1, 13));
        thrown.Message.Should().Be(
            "Dose 13 of cycle 1 would start at 2030-01-05T08:00:00-12:00, at or after the cycle's window end 2030-01-05T08:00:00-12:00: "
            + "Test/DateLine changes its clocks too far for standard-time timing here; see rule 4 (Dose cap and cycle window); use DoseTiming.Elapsed. (Parameter 'firstDose')");
    }
}
