using FluentAssertions;
using IL2Schedule.ICalendar;
using IL2Schedule.Records;

namespace IL2Schedule.Tests.ICalendar;

// An infusion stopped before its planned end is a confirmed event from its recorded start to its
// actual end, and its description says when it was stopped and why.
public partial class CourseCalendarTests
{
    // The worked example (New York, EST -05:00): slots 1 and 2 given on time, slot 3 started at
    // 2027-03-11 00:00 -05:00 (05:00 UTC) and stopped at 00:06 -05:00 (05:06 UTC) for hypotension.
    internal static CourseRecord StoppedCourse() =>
        CourseRecord.Start(Plan("2027-03-10T08:00", "America/New_York")).ApplyAll(
        [
            new DoseGiven("g1", 1, 1, At("2027-03-10T08:00:00-05:00"), null),
            new DoseGiven("g2", 1, 2, At("2027-03-10T16:00:00-05:00"), null),
            new DoseStopped("s3", 1, 3, At("2027-03-11T00:00:00-05:00"), At("2027-03-11T00:06:00-05:00"), "hypotension"),
        ]);

    [Fact]
    public void ExportRecord_StoppedDose_RunsToItsActualEndAndSaysWhenAndWhy()
    {
        string ics = CourseCalendar.Export(StoppedCourse().Schedule, Stamp, null);

        var stopped = IcalJs.Read(ics).Single(e => e.Uid.EndsWith("-cycle1-dose3", StringComparison.Ordinal));
        stopped.Should().Match<IcalJsEvent>(e =>
            e.Start == "2027-03-11T05:00:00.000Z" && e.End == "2027-03-11T05:06:00.000Z" && e.Status == "CONFIRMED"
            && e.Summary == "Aldesleukin dose 3 (cycle 1, dose 3): stopped");
        stopped.Description.Should().Be(
            "Stopped at 00:06 -05:00 (hypotension), before its planned end: the infusion ran from 2027-03-11T00:00:00-05:00 to 2027-03-11T00:06:00-05:00.");
        ReadWithIcalNet(ics).Should().Contain("il2schedule-20270310T0800-America/New_York-cycle1-dose3 2027-03-11T05:00:00.000Z 2027-03-11T05:06:00.000Z");
    }
}
