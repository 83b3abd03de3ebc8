using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;

namespace IL2Schedule.Tests.Batch;

/// <summary>The opt-in detail columns: hand-worked values, and request by request what CoursePlanner's schedule holds.</summary>
public sealed class CourseDetailColumnsTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static long Ticks(int year, int month, int day, int hour, int minute) =>
        Instant.FromUtc(year, month, day, hour, minute).ToUnixTimeTicks();

    // The worked example at 72.5 kg, discharged 2027-04-02. America/New_York: EST (-05:00) until
    // 2027-03-14 02:00 local, then EDT (-04:00). Cycle 1 starts 2027-03-10 08:00 -05:00 = 13:00Z; its
    // elapsed window is 120 h, to 03-15 13:00Z, holding 15 slots (14 planned: the cap). Cycle 2 starts
    // day 15, 03-24 08:00 -04:00 = 12:00Z, window to 03-29 12:00Z. The last infusion ends 03-28 16:15
    // -04:00, so the course end date is 03-28: imaging + 4 weeks = 04-25; window + 6 to 12 weeks =
    // 05-09 to 06-20, whose start discharge + 7 weeks = 05-21 moves. 43,500,000 IU: 2 vials of 22
    // million IU, 50 mL (over 25.4, up to 60 million IU); 2.6825 mg / 50 mL = 0.05365 mg/mL (in the
    // label's range); 28 doses: 1,218,000,000 IU and 75.11 mg.
    [Fact]
    public void WorkedExample_HoldsTheHandWorkedValues()
    {
        var (columns, details) = Plan(new BatchPlanner(CourseProtocol.Label),
            new CourseRequest(new LocalDateTime(2027, 3, 10, 8, 0), NewYork, dischargeDate: new LocalDate(2027, 4, 2), bodyWeightKilograms: 72.5m));

        columns.DoseCounts[0].Should().Be(28);
        details.CycleStarts[..2].ToArray().Should().Equal(Ticks(2027, 3, 10, 13, 0), Ticks(2027, 3, 24, 12, 0));
        details.CycleWindowEnds[..2].ToArray().Should().Equal(Ticks(2027, 3, 15, 13, 0), Ticks(2027, 3, 29, 12, 0));
        details.CycleWindowDoseCapacities[..2].ToArray().Should().Equal(15, 15);
        details.CycleBounds[..2].ToArray().Should().Equal(CycleBound.Cap, CycleBound.Cap);
        details.CycleStartResolutions[..2].ToArray().Should().Equal(CycleStartResolution.AsPlanned, CycleStartResolution.AsPlanned);
        details.CourseEndDates[0].Should().Be(new LocalDate(2027, 3, 28));
        details.ResponseAssessmentDatesUnadjusted[0].Should().Be(new LocalDate(2027, 4, 25));
        (details.NextCourseWindowUnadjustedStarts[0], details.NextCourseWindowUnadjustedEnds[0], details.NextCourseWindowUnadjustedReasons[0])
            .Should().Be((new LocalDate(2027, 5, 21), new LocalDate(2027, 6, 20), NextCourseWindowReasons.StartMovedByDischarge));
        details.NextCourseWindowNotes[0].Should().Be("Start moved from 2027-05-09: the next course starts at least 7 weeks after discharge on 2027-04-02, so not before 2027-05-21.");
        (details.DoseVials[0], details.DoseDiluentMilliliters[0], details.DoseConcentrations[0], details.DilutionWarnings[0]).Should().Be((2, 50, 0.05365m, (string?)null));
        (details.PlannedCourseInternationalUnits[0], details.PlannedCourseMilligrams[0]).Should().Be((1_218_000_000m, 75.11m));
    }

    // 2027-02-28 02:30 EST (-05:00) = 07:30Z. Cycle 2 is meant for 03-14 02:30, which New York skips
    // (02:00 EST jumps to 03:00 EDT): it moves forward by the gap's hour to 03:30 EDT = 07:30Z. At
    // 200 kg: 120,000,000 IU (6 vials, 100 mL) and 7.4 mg, 0.074 mg/mL, above the label's 0.07.
    [Fact]
    public void ASkippedCycleStart_AndADoseAboveTheLabelsRange()
    {
        var (_, details) = Plan(new BatchPlanner(CourseProtocol.Label),
            new CourseRequest(new LocalDateTime(2027, 2, 28, 2, 30), NewYork, bodyWeightKilograms: 200m));

        details.CycleStartResolutions[..2].ToArray().Should().Equal(CycleStartResolution.AsPlanned, CycleStartResolution.ShiftedForward);
        details.CycleStarts[1].Should().Be(Ticks(2027, 3, 14, 7, 30));
        (details.DoseVials[0], details.DoseDiluentMilliliters[0], details.DoseConcentrations[0]).Should().Be((6, 100, 0.074m));
        details.DilutionWarnings[0].Should().Be(
            "final concentration 0.074 mg/mL (7.4 mg in 100 mL of 5% dextrose) is above the label's range of 0.03 to 0.07 mg/mL (Label §2.5); the dose is not changed");
        details.NextCourseWindowNotes[0].Should().BeNull();
    }

    // Every option of BatchPlannerTests' option table, 1,000 random requests each: each detail equals
    // the single-course planner's schedule (CoursePlanner, with the discharge, weight and working days).
    [Theory]
    [MemberData(nameof(BatchPlannerTests.Options), MemberType = typeof(BatchPlannerTests))]
    public void EveryOption_DetailsEqualTheSchedule(string option)
    {
        var (protocols, calendar, shift) = BatchPlannerTests.OptionProtocols(option);
        var planner = new BatchPlanner(protocols, calendar, shift);
        var random = new Random(option.Length);
        var requests = BatchPlannerTests.RandomRequests(seed: option.Length * 104729, 1000, protocols.Length)
            .Select(request => new CourseRequest(request.FirstDose, request.Zone, request.ProtocolIndex,
                random.Next(2) == 0 ? null : request.FirstDose.Date.PlusDays(random.Next(19, 80)),
                random.Next(2) == 0 ? null : random.Next(1, 3500) / 10m))
            .ToArray();
        var (columns, details) = Plan(planner, requests);

        int planned = 0;
        for (int i = 0; i < requests.Length; i++)
        {
            if (columns.DoseCounts[i] == 0)
            {
                continue;
            }
            planned++;
            var schedule = planner.ScheduleOf(requests[i]);
            string context = $"request {i}: {requests[i].FirstDose} in {requests[i].Zone!.Id}, protocol {requests[i].ProtocolIndex}";
            int first = i * details.CyclesPerCourse;
            for (int c = 0; c < schedule.Cycles.Count; c++)
            {
                var cycle = schedule.Cycles[c];
                (details.CycleStarts[first + c], details.CycleWindowEnds[first + c], details.CycleWindowDoseCapacities[first + c], details.CycleBounds[first + c], details.CycleStartResolutions[first + c])
                    .Should().Be((cycle.Start.ToInstant().ToUnixTimeTicks(), cycle.WindowEnd.ToInstant().ToUnixTimeTicks(), cycle.WindowDoseCapacity, cycle.BoundBy, cycle.StartResolution), context);
            }
            details.CourseEndDates[i].Should().Be(schedule.CourseEndDate, context);
            (details.ResponseAssessmentDatesUnadjusted[i], details.ResponseAssessmentDateReasons[i]).Should().Be((schedule.ResponseAssessmentDateUnadjusted, schedule.ResponseAssessmentDateReasons), context);
            var unadjusted = schedule.NextCourseWindowUnadjusted;
            (details.NextCourseWindowUnadjustedStarts[i], details.NextCourseWindowUnadjustedEnds[i], details.NextCourseWindowUnadjustedReasons[i])
                .Should().Be((unadjusted.Dates?.Start ?? default, unadjusted.Dates?.End ?? default, unadjusted.Reasons), context);
            details.NextCourseWindowNotes[i].Should().Be(schedule.NextCourseWindow.Note, context);
            var amount = schedule.DoseAmount;
            (details.DoseVials[i], details.DoseDiluentMilliliters[i], details.DoseConcentrations[i], details.DilutionWarnings[i])
                .Should().Be((amount?.Vials ?? 0, amount?.DiluentMilliliters ?? 0, amount?.ConcentrationMilligramsPerMilliliter ?? 0, amount?.ConcentrationWarning), context);
            (details.PlannedCourseInternationalUnits[i], details.PlannedCourseMilligrams[i])
                .Should().Be((schedule.PlannedCourseInternationalUnits ?? 0, schedule.PlannedCourseMilligrams ?? 0), context);
        }
        planned.Should().BeGreaterThan(400, "most random requests are plannable");
    }

    // Course 0 plans; the same columns then plan a request that fails (a body weight of 400 kg,
    // over 350): its detail row holds nothing of the earlier course.
    [Fact]
    public void AFailedRequest_LeavesNothingOfAnEarlierCourse()
    {
        var planner = new BatchPlanner(CourseProtocol.Label);
        var first = new LocalDateTime(2027, 3, 10, 8, 0);
        var (columns, details) = Plan(planner, new CourseRequest(first, NewYork, bodyWeightKilograms: 72.5m));
        details.CycleStarts[0].Should().NotBe(0);
        details.CycleWindowEnds[0].Should().NotBe(0);
        details.CycleWindowDoseCapacities[0].Should().Be(15);

        planner.Plan([new CourseRequest(first, NewYork, bodyWeightKilograms: 400m)], columns).Failures.Should().ContainSingle();

        details.CycleStarts.ToArray().Should().OnlyContain(value => value == 0);
        details.CycleWindowEnds.ToArray().Should().OnlyContain(value => value == 0);
        details.CycleWindowDoseCapacities.ToArray().Should().OnlyContain(value => value == 0);
        (details.CourseEndDates[0], details.DoseVials[0], details.PlannedCourseInternationalUnits[0]).Should().Be((default(LocalDate), 0, 0m));
    }

    // Without a discharge date or a weight nothing is texted: 20,000 courses allocate no more than
    // 10,000 (both batches meet the same 1,000 first doses at 08:00, none skipped or repeated, and
    // the same course end dates, whose follow-up dates are computed once).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AllocatesNothingPerCourse_WithOrWithoutDetails(bool withDetails)
    {
        var planner = new BatchPlanner(CourseProtocol.Label);
        var requests = Enumerable.Range(0, 20_000).Select(i => new CourseRequest(new LocalDateTime(2027, 1, 1, 8, 0).PlusDays(i % 1000), NewYork)).ToArray();
        var (columns, _) = Plan(planner, requests);
        columns = withDetails ? columns : columns.WithDetails(null);
        planner.Plan(requests, columns);

        long excess = BatchPlannerTests.LeastExtraAllocation(
            () => planner.Plan(requests.AsSpan(0, 10_000), columns),
            () => planner.Plan(requests, columns));

        excess.Should().BeLessThan(2048, "20,000 courses must not allocate more than 10,000 do");
    }

    [Fact]
    public void BadArguments_AreRefusedWithTheRuleAndTheValue()
    {
        var columns = CourseColumns.Allocate(2, 28);

        var mismatched = () => columns.WithDetails(CourseDetailColumns.Allocate(3, 2));
        var noCycles = () => CourseDetailColumns.Allocate(2, 0);
        var negative = () => CourseDetailColumns.Allocate(-1, 2);
        var threeCycles = new BatchPlanner(new CourseProtocolBuilder(CourseProtocol.Label) { CycleCount = 3 }.Build());
        var tooFewCycles = () => threeCycles.Plan([], CourseColumns.Allocate(2, threeCycles.DosesPerCourse).WithDetails(CourseDetailColumns.Allocate(2, 2)));

        mismatched.Should().Throw<ArgumentException>().WithMessage("details must hold as many courses as the columns (2); was 3*").Which.ParamName.Should().Be("details");
        noCycles.Should().Throw<ArgumentOutOfRangeException>().WithMessage("cyclesPerCourse must be at least 1; was 0*");
        negative.Should().Throw<ArgumentOutOfRangeException>().WithMessage("courseCount must be at least 0; was -1*");
        tooFewCycles.Should().Throw<ArgumentException>().WithMessage("columns.Details must hold at least 3 cycle slots per course (BatchPlanner.CyclesPerCourse); was 2*");
        columns.Details.Should().BeNull("WithDetails returns a new view");
    }

    private static (CourseColumns Columns, CourseDetailColumns Details) Plan(BatchPlanner planner, params CourseRequest[] requests)
    {
        var details = CourseDetailColumns.Allocate(requests.Length, planner.CyclesPerCourse);
        var columns = CourseColumns.Allocate(requests.Length, planner.DosesPerCourse, withDoseEndsAndCycles: true).WithDetails(details);
        planner.Plan(requests, columns);
        return (columns, details);
    }
}
