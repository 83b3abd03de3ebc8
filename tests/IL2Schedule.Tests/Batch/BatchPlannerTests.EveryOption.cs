using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;

namespace IL2Schedule.Tests.Batch;

// Every option the single-course planner takes, planned in a batch: the batch must give, request
// by request, what CoursePlanner gives (with WithDischargeDate, WithBodyWeight and WithWorkingDays
// applied) or the same exception. 10,000 random requests per option, half of them aimed at a
// transition of a random tzdb zone (see RandomRequests).
public partial class BatchPlannerTests
{
    private const int RequestsPerOption = 10_000;

    private static readonly WorkingDayCalendar ClinicDays = new(
        [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday],
        Enumerable.Range(1970, 71).SelectMany(year => new[] { new LocalDate(year, 1, 1), new LocalDate(year, 5, 31), new LocalDate(year, 12, 25) }));

    public static TheoryData<string> Options() =>
        ["elapsed", "wall-clock", "standard-times", "calendar-days", "custom", "discharge", "weight", "working-days"];

    [Theory]
    [MemberData(nameof(Options))]
    public void EveryOption_BatchEqualsCoursePlanner(string option)
    {
        var (protocols, calendar, shift) = OptionProtocols(option);
        var planner = new BatchPlanner(protocols, calendar, shift);
        var random = new Random(option.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        var requests = RandomRequests(seed: option.Length * 7919, RequestsPerOption, protocols.Length)
            .Select(request => option switch
            {
                // Discharge from before the course end (rejected) to two months after the first dose.
                "discharge" => new CourseRequest(request.FirstDose, request.Zone, request.ProtocolIndex, request.FirstDose.Date.PlusDays(random.Next(10, 80))),
                // Weights from 0 (rejected) past the 350 kg limit (rejected), in tenths of a kilogram.
                "weight" => new CourseRequest(request.FirstDose, request.Zone, request.ProtocolIndex, bodyWeightKilograms: random.Next(0, 3600) / 10m),
                _ => request,
            })
            .ToArray();
        var columns = CourseColumns.Allocate(requests.Length, planner.DosesPerCourse, withDoseEndsAndCycles: true);

        var result = planner.Plan(requests, columns);

        AssertEqualsSingleCoursePlanning(protocols, calendar, shift, requests, columns, result);
        result.PlannedCount.Should().BeGreaterThan(RequestsPerOption / 2, "most random requests are plannable");
        var reasons = columns.NextCourseWindowReasons.ToArray();
        var messages = result.Failures.Select(failure => failure.Message).ToList();
        switch (option)
        {
            case "calendar-days":
                columns.DoseCounts.ToArray().Should().Contain(count => count > 0 && count < 28, "a first dose after 08:00 leaves fewer than 14 dose times in 5 calendar days");
                break;
            case "discharge":
                reasons.Should().Contain(NextCourseWindowReasons.StartMovedByDischarge).And.Contain(NextCourseWindowReasons.EmptiedByDischarge);
                messages.Should().Contain(message => message.StartsWith("dischargeDate must not be before the course end date", StringComparison.Ordinal));
                break;
            case "weight":
                columns.DoseInternationalUnits.ToArray().Should().Contain(units => units > 0);
                messages.Should().Contain(message => message.StartsWith("bodyWeightKilograms must be", StringComparison.Ordinal));
                break;
            case "working-days":
                reasons.Should().Contain(r => r.HasFlag(NextCourseWindowReasons.StartMovedToWorkingDay)).And.Contain(r => r.HasFlag(NextCourseWindowReasons.EndMovedToWorkingDay));
                break;
        }
    }

    internal static (CourseProtocol[] Protocols, WorkingDayCalendar? Calendar, NonWorkingDayShift Shift) OptionProtocols(string option)
    {
        var standardTimes = CourseProtocol.Label.WithDoseTiming(DoseTiming.StandardTimes);
        var wardTimes = new CourseProtocolBuilder(standardTimes) { StandardAdministrationTimes = [new(6, 0), new(14, 0), new(22, 0)] }.Build();
        CourseProtocol CalendarDays(CourseProtocol protocol) => new CourseProtocolBuilder(protocol) { CycleWindowCounting = CycleWindowCounting.CalendarDays }.Build();
        return option switch
        {
            "elapsed" => ([CourseProtocol.Label, CourseProtocol.NciSurgeryBranch], null, NonWorkingDayShift.Next),
            "wall-clock" => ([WallClockLabel, Custom], null, NonWorkingDayShift.Next),
            "standard-times" => ([standardTimes, wardTimes], null, NonWorkingDayShift.Next),
            "calendar-days" => ([CalendarDays(CourseProtocol.Label), CalendarDays(WallClockLabel), CalendarDays(wardTimes), CalendarDays(CourseProtocol.NciSurgeryBranch)], null, NonWorkingDayShift.Next),
            "custom" => ([new CourseProtocolBuilder(Custom) { DoseInternationalUnitsPerKilogram = 500_000, DoseMilligramsPerKilogram = 0.031m }.Build(),
                new CourseProtocolBuilder(wardTimes) { CycleCount = 3, MinimumIntervalAfterDischarge = Period.FromWeeks(5) }.Build()], null, NonWorkingDayShift.Next),
            "discharge" => ([CourseProtocol.Label, wardTimes], null, NonWorkingDayShift.Next),
            "weight" => ([CourseProtocol.Label, CourseProtocol.NciSurgeryBranch], null, NonWorkingDayShift.Next),
            _ => ([CourseProtocol.Label, CalendarDays(wardTimes)], ClinicDays, NonWorkingDayShift.Nearest),
        };
    }

    private static void AssertEqualsSingleCoursePlanning(
        CourseProtocol[] protocols, WorkingDayCalendar? calendar, NonWorkingDayShift shift, CourseRequest[] requests, CourseColumns columns, BatchResult result)
    {
        var failures = result.Failures.ToDictionary(f => f.Index);
        var planners = protocols.Select(protocol => new CoursePlanner(protocol)).ToArray();
        for (int i = 0; i < requests.Length; i++)
        {
            var request = requests[i];
            CourseSchedule expected;
            try
            {
                expected = planners[request.ProtocolIndex].Plan(request.FirstDose, request.Zone!)
                    .WithDischargeDate(request.DischargeDate)
                    .WithBodyWeight(request.BodyWeightKilograms)
                    .WithWorkingDays(calendar, shift);
            }
            catch (ArgumentException e)
            {
                failures.Should().ContainKey(i, "CoursePlanner throws for request {0} ({1} in {2}): {3}", i, request.FirstDose, request.Zone?.Id, e.Message);
                (failures[i].Exception.GetType(), failures[i].Message).Should().Be((e.GetType(), e.Message));
                columns.DoseCounts[i].Should().Be(0);
                continue;
            }
            string context = $"request {i}: {request.FirstDose} in {request.Zone!.Id}, protocol {request.ProtocolIndex}";
            failures.Should().NotContainKey(i, context);
            columns.DoseStartsOf(i).ToArray().Should().Equal(expected.Doses.Select(d => d.Start.ToInstant().ToUnixTimeTicks()), context);
            columns.DoseEndsOf(i).ToArray().Should().Equal(expected.Doses.Select(d => d.End.ToInstant().ToUnixTimeTicks()), context);
            columns.DoseCycleNumbersOf(i).ToArray().Should().Equal(expected.Doses.Select(d => (byte)d.CycleNumber), context);
            columns.CourseEndInstant(i).Should().Be(expected.CourseEnd.ToInstant(), context);
            columns.ResponseAssessmentDates[i].Should().Be(expected.ResponseAssessmentDate, context);
            var window = expected.NextCourseWindow;
            (columns.NextCourseWindowStarts[i], columns.NextCourseWindowEnds[i], columns.NextCourseWindowReasons[i])
                .Should().Be((window.Dates?.Start ?? default, window.Dates?.End ?? default, window.Reasons), context);
            (columns.DoseInternationalUnits[i], columns.DoseMilligrams[i])
                .Should().Be((expected.DoseAmount?.InternationalUnits ?? 0, expected.DoseAmount?.Milligrams ?? 0), context);
        }
    }
}
