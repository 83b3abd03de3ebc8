using FluentAssertions;
using IL2Schedule.ICalendar;
using IL2Schedule.Records;
using NodaTime;
using static IL2Schedule.Tests.TimeText;
using Calendar = Ical.Net.Calendar;

namespace IL2Schedule.Tests.ICalendar;

// A recorded course keeps the plan's UIDs and raises SEQUENCE, so a calendar that imported the
// plan updates its events: given doses move to their recorded times, held, skipped and cancelled
// slots are cancelled, planned slots move to their re-planned due times.
public partial class CourseCalendarTests
{
    // The worked example (New York, EST -05:00 until 2027-03-14): slot 1 given 5 minutes late,
    // slot 2 held, slot 3 given 30 minutes late with a 20-minute infusion, cycle 1 stopped at
    // 12:00 on 03-11 (slot 4, due 08:30, is skipped; the rest are cancelled); cycle 2 as planned.
    internal static CourseRecord RecordedCourse(string heldReason = "hypotension") =>
        CourseRecord.Start(Plan("2027-03-10T08:00", "America/New_York")).ApplyAll(
        [
            new DoseGiven("e1", 1, 1, At("2027-03-10T08:05:00-05:00"), null),
            new DoseHeld("e2", 1, 2, heldReason),
            new DoseGiven("e3", 1, 3, At("2027-03-11T00:30:00-05:00"), At("2027-03-11T00:50:00-05:00")),
            new CycleStopped("e4", 1, At("2027-03-11T12:00:00-05:00"), "grade 3 hypotension"),
        ]);

    private static Instant At(string text) => OffsetDateTimeOf(text).ToInstant();

    private static List<string> Expected(ReplannedSchedule schedule)
    {
        var lines = schedule.Slots
            .Select(slot => $"il2schedule-20270310T0800-America/New_York-cycle{slot.CycleNumber}-dose{slot.Slot} {Utc(slot.Start)} {Utc(slot.End)}")
            .ToList();
        lines.Add($"il2schedule-20270310T0800-America/New_York-imaging {Iso(schedule.ResponseAssessmentDate!.Value)} {Iso(schedule.ResponseAssessmentDate!.Value.PlusDays(1))}");
        var window = schedule.NextCourseWindow!.Dates!;
        lines.Add($"il2schedule-20270310T0800-America/New_York-next-course-window {Iso(window.Start)} {Iso(window.End.PlusDays(1))}");
        return lines;
    }

    [Fact]
    public void ExportRecord_BothParsers_GiveEveryInstantOfTheReplannedSchedule()
    {
        var schedule = RecordedCourse().Schedule;

        string ics = CourseCalendar.Export(schedule, Stamp, null);

        ReadWithIcalJs(ics).Should().Equal(Expected(schedule));
        ReadWithIcalNet(ics).Should().Equal(Expected(schedule));
    }

    [Fact]
    public void ExportRecord_GivenHeldAndStopped_HaveRecordedTimesAndStatus()
    {
        string ics = CourseCalendar.Export(RecordedCourse().Schedule, Stamp, null);

        var events = IcalJs.Read(ics);
        var lines = events.Take(6).Select(e => $"{e.Start} {e.End} {e.Status} {e.Summary}");
        lines.Should().Equal(
            "2027-03-10T13:05:00.000Z 2027-03-10T13:20:00.000Z CONFIRMED Aldesleukin dose 1 (cycle 1, dose 1): given", // 08:05 EST, + 15 min
            "2027-03-10T21:05:00.000Z 2027-03-10T21:20:00.000Z CANCELLED Aldesleukin dose 2 (cycle 1, dose 2): held",  // due 16:05 EST
            "2027-03-11T05:30:00.000Z 2027-03-11T05:50:00.000Z CONFIRMED Aldesleukin dose 3 (cycle 1, dose 3): given", // 00:30 to 00:50 EST
            "2027-03-11T13:30:00.000Z 2027-03-11T13:45:00.000Z CANCELLED Aldesleukin dose 4 (cycle 1, dose 4): skipped", // due 08:30 EST, before the stop
            "2027-03-11T21:30:00.000Z 2027-03-11T21:45:00.000Z CANCELLED Aldesleukin dose 5 (cycle 1, dose 5): cancelled", // due 16:30 EST, after it
            "2027-03-12T05:30:00.000Z 2027-03-12T05:45:00.000Z CANCELLED Aldesleukin dose 6 (cycle 1, dose 6): cancelled");
        events.Single(e => e.Uid.EndsWith("-cycle2-dose1", StringComparison.Ordinal)).Should().Match<IcalJsEvent>(e =>
            e.Start == "2027-03-24T12:00:00.000Z" && e.Status == "CONFIRMED" && e.Summary == "Aldesleukin dose 15 (cycle 2, dose 1)"); // 08:00 EDT
        events.Should().OnlyContain(e => e.Sequence == 4); // four events recorded; the plan's is 0
    }

    [Fact]
    public void ExportRecord_KeepsEveryUidOfThePlan()
    {
        var record = RecordedCourse();

        var planUids = Calendar.Load(CourseCalendar.Export(record.Plan, Stamp, "course-7f3a"))!.Events.Select(e => e.Uid);
        var recordUids = Calendar.Load(CourseCalendar.Export(record.Schedule, Stamp, "course-7f3a"))!.Events.Select(e => e.Uid);

        recordUids.Should().Contain(planUids);
        planUids.Should().HaveCount(30).And.OnlyHaveUniqueItems();
    }

    // A discharge on 2027-05-10 empties the window: 7 weeks later is 06-28, after its end 06-20.
    [Fact]
    public void Export_EmptyWindow_HasNoWindowEventInThePlanAndACancelledOneInTheRecord()
    {
        var plan = Plan("2027-03-10T08:00", "America/New_York");
        var record = CourseRecord.Start(plan).Apply(new Discharged("d1", Date("2027-05-10")));

        string planIcs = CourseCalendar.Export(plan.WithDischargeDate(Date("2027-05-10")), Stamp, null);
        var recordEvents = IcalJs.Read(CourseCalendar.Export(record.Schedule, Stamp, null));

        planIcs.Should().NotContain("next-course-window");
        recordEvents.Single(e => e.Uid.EndsWith("-next-course-window", StringComparison.Ordinal)).Should().Match<IcalJsEvent>(e =>
            e.Status == "CANCELLED" && e.Start == "2027-05-09" && e.End == "2027-06-21" && e.Sequence == 1);
    }
}
