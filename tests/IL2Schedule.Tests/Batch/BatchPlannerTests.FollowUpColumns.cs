using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;
using static IL2Schedule.Tests.TimeText;

namespace IL2Schedule.Tests.Batch;

public partial class BatchPlannerTests
{
    // The worked example (America/New_York; course end 2027-03-28 16:15 EDT -04:00, a Sunday)
    // planned with Saturdays and Sundays off. By the course end: imaging Sun 04-25 -> Mon 04-26;
    // window Sun 05-09 to Sun 06-20 -> Fri 06-18. NCI's 15th dose of cycle 2 is 14 × 8 h after
    // 03-24 08:00 -04:00 (12:00Z) = 03-29 04:00Z = 00:00 -04:00, ending 00:15: course end date Mon
    // 03-29, imaging Mon 04-26, window Mon 05-10 to Mon 06-21, all working days. Discharge + 7
    // weeks: 03-31 -> Wed 05-19; 03-28 -> Sun 05-16 -> Mon 05-17; 05-10 -> 06-28, after 06-20:
    // empty. Amounts: 72.5 kg × 600,000 IU/kg = 43,500,000 IU, × 0.037 mg/kg = 2.6825 mg; NCI
    // 80 kg × 720,000 = 57,600,000 IU, no mg figure (0 in the column); 350 kg (the largest weight)
    // = 210,000,000 IU, 12.95 mg.
    [Fact]
    public void SpanApi_WritesTheDischargeWeightAndWorkingDayColumns()
    {
        var planner = new BatchPlanner([CourseProtocol.Label, CourseProtocol.NciSurgeryBranch], WorkingDayCalendar.SaturdaySunday, NonWorkingDayShift.Next);
        var first = Local("2027-03-10T08:00");
        CourseRequest[] requests =
        [
            new(first, NewYork, 0, Date("2027-03-31"), 72.5m),
            new(first, NewYork, 1, null, 80m),
            new(first, NewYork, 0, Date("2027-03-27"), 72.5m),  // discharge before the course end date
            new(first, NewYork, 0, null, 0m),                   // no body weight
            new(first, NewYork, 0, Date("2027-03-28"), 350m),
            new(first, NewYork, 0, Date("2027-05-10"), null),
        ];
        var columns = CourseColumns.Allocate(requests.Length, planner.DosesPerCourse);

        var result = planner.Plan(requests, columns);

        result.Failures.Select(f => f.Index).Should().Equal(2, 3);
        result.Failures[0].Exception.Should().BeOfType<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("dischargeDate");
        result.Failures[0].Message.Should().StartWith(
            "dischargeDate must not be before the course end date 2027-03-28: the minimum interval counts from the discharge after the course; was 2027-03-27");
        result.Failures[1].Exception.Should().BeOfType<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("bodyWeightKilograms");
        result.Failures[1].Message.Should().StartWith("bodyWeightKilograms must be in range (0, 350] kg; was 0");

        columns.DoseCounts.ToArray().Should().Equal(28, 30, 0, 0, 28, 28);
        columns.CourseEndInstant(1).Should().Be(Instant.FromUtc(2027, 3, 29, 4, 15));
        columns.ResponseAssessmentDates.ToArray().Should().Equal(
            Date("2027-04-26"), Date("2027-04-26"), default, default, Date("2027-04-26"), Date("2027-04-26"));
        columns.NextCourseWindowStarts.ToArray().Should().Equal(
            Date("2027-05-19"), Date("2027-05-10"), default, default, Date("2027-05-17"), default);
        columns.NextCourseWindowEnds.ToArray().Should().Equal(
            Date("2027-06-18"), Date("2027-06-21"), default, default, Date("2027-06-18"), default);
        columns.NextCourseWindowReasons.ToArray().Should().Equal(
            NextCourseWindowReasons.StartMovedByDischarge | NextCourseWindowReasons.EndMovedToWorkingDay,
            NextCourseWindowReasons.None,
            NextCourseWindowReasons.None,
            NextCourseWindowReasons.None,
            NextCourseWindowReasons.StartMovedByDischarge | NextCourseWindowReasons.StartMovedToWorkingDay | NextCourseWindowReasons.EndMovedToWorkingDay,
            NextCourseWindowReasons.EmptiedByDischarge);
        columns.DoseInternationalUnits.ToArray().Should().Equal(43_500_000m, 57_600_000m, 0m, 0m, 210_000_000m, 0m);
        columns.DoseMilligrams.ToArray().Should().Equal(2.6825m, 0m, 0m, 0m, 12.95m, 0m);
    }

    // Columns reused: a course that fails, or plans fewer doses, leaves nothing of the course
    // planned into the same slots before (NCI's 30 doses, then the label's 28, then a failure).
    [Fact]
    public void SpanApi_ReusedColumns_AreOverwrittenAndCleared()
    {
        var planner = new BatchPlanner([CourseProtocol.Label, CourseProtocol.NciSurgeryBranch]);
        var columns = CourseColumns.Allocate(1, planner.DosesPerCourse, withDoseEndsAndCycles: true);
        var first = Local("2027-03-10T08:00");

        planner.Plan([new CourseRequest(first, NewYork, 1, null, 80m)], columns);
        columns.DoseStarts[29].Should().NotBe(0);
        planner.Plan([new CourseRequest(first, NewYork, 0)], columns);

        columns.DoseCounts[0].Should().Be(28);
        (columns.DoseStarts[28], columns.DoseStarts[29], columns.DoseEnds[29], columns.DoseCycleNumbers[29]).Should().Be((0L, 0L, 0L, (byte)0));
        columns.DoseInternationalUnits[0].Should().Be(0m);

        planner.Plan([new CourseRequest(Local("2027-03-14T02:30"), NewYork, 0)], columns).Failures.Should().ContainSingle();

        columns.DoseCounts[0].Should().Be(0);
        columns.DoseStarts.ToArray().Should().OnlyContain(slot => slot == 0);
        columns.DoseEnds.ToArray().Should().OnlyContain(slot => slot == 0);
        columns.DoseCycleNumbers.ToArray().Should().OnlyContain(slot => slot == 0);
        (columns.CourseEnds[0], columns.ResponseAssessmentDates[0], columns.NextCourseWindowStarts[0], columns.NextCourseWindowEnds[0]).Should().Be((0L, default(LocalDate), default(LocalDate), default(LocalDate)));
    }
}
