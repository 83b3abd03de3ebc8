using FluentAssertions;
using NodaTime;

namespace IL2Schedule.Tests.Protocols;

/// <summary>
/// Tests of <see cref="CourseProtocolBuilder"/>: starting values, reuse, independence of what it
/// builds, and (in the Validation part) every rule <see cref="CourseProtocolBuilder.Build"/> checks.
/// </summary>
public partial class CourseProtocolBuilderTests
{
    [Fact]
    public void Constructor_WithoutProtocol_HoldsTheLabelSettings()
    {
        var builder = new CourseProtocolBuilder();

        builder.DoseInternationalUnitsPerKilogram.Should().Be(600_000);
        builder.CycleCount.Should().Be(2);
        builder.CycleLengthDays.Should().Be(5);
        builder.RestPeriodDays.Should().Be(9);
        builder.DosingInterval.Should().Be(Duration.FromHours(8));
        builder.InfusionDuration.Should().Be(Duration.FromMinutes(15));
        builder.MaxDosesPerCycle.Should().Be(14);
        builder.DoseTiming.Should().Be(DoseTiming.Elapsed);
        builder.ResponseAssessmentDelay.Should().Be(Period.FromWeeks(4));
        builder.RetreatmentWindowStart.Should().Be(Period.FromWeeks(6));
        builder.RetreatmentWindowEnd.Should().Be(Period.FromWeeks(12));
        builder.MinimumIntervalAfterDischarge.Should().Be(Period.FromWeeks(7));
        builder.Build().Should().Be(CourseProtocol.Label);
    }

    [Fact]
    public void Constructor_FromAProtocol_HoldsThatProtocolsSettings()
    {
        var builder = new CourseProtocolBuilder(CourseProtocol.NciSurgeryBranch);

        builder.DoseInternationalUnitsPerKilogram.Should().Be(720_000);
        builder.MaxDosesPerCycle.Should().Be(15);
        builder.Build().Should().Be(CourseProtocol.NciSurgeryBranch);
    }

    // The times are a set of clock times: Build sorts them and keeps its own copy.
    [Fact]
    public void Build_StandardTimesInAnyOrder_AreSortedAndCopied()
    {
        var times = new List<LocalTime> { new(22, 0), new(6, 0), new(14, 0) };
        var builder = new CourseProtocolBuilder { DoseTiming = DoseTiming.StandardTimes, StandardAdministrationTimes = times };

        var protocol = builder.Build();
        times[0] = new LocalTime(23, 0);

        protocol.StandardAdministrationTimes.Should().Equal(new LocalTime(6, 0), new LocalTime(14, 0), new LocalTime(22, 0));
        protocol.Should().NotBe(CourseProtocol.Label.WithDoseTiming(DoseTiming.StandardTimes));
    }

    // One 24-hourly time, and four 6-hourly ones, fill the day.
    [Fact]
    public void Build_StandardTimesForOtherIntervals_Build()
    {
        var daily = new CourseProtocolBuilder
        {
            DoseTiming = DoseTiming.StandardTimes,
            DosingInterval = Duration.FromHours(24),
            MaxDosesPerCycle = 5,
            StandardAdministrationTimes = [new LocalTime(9, 0)],
        }.Build();
        var sixHourly = new CourseProtocolBuilder
        {
            DoseTiming = DoseTiming.StandardTimes,
            DosingInterval = Duration.FromHours(6),
            StandardAdministrationTimes = [new LocalTime(2, 0), new LocalTime(8, 0), new LocalTime(14, 0), new LocalTime(20, 0)],
        }.Build();

        daily.StandardAdministrationTimes.Should().Equal(new LocalTime(9, 0));
        sixHourly.StandardAdministrationTimes.Should().HaveCount(4);
    }

    // Standard times that do not fit the interval are not checked while another timing is chosen.
    [Fact]
    public void Build_MismatchedStandardTimesWithElapsedTiming_Builds()
    {
        var protocol = new CourseProtocolBuilder { DosingInterval = Duration.FromHours(6) }.Build();

        protocol.StandardAdministrationTimes.Should().HaveCount(3);
        var act = () => protocol.WithDoseTiming(DoseTiming.StandardTimes);
        act.Should().ThrowExactly<InvalidCourseProtocolException>().WithMessage("Invalid course protocol: StandardAdministrationTimes must be whole-minute clock times DosingInterval (6:00:00) apart*");
    }

    [Fact]
    public void Constructor_NullProtocol_ThrowsArgumentNullException()
    {
        var act = () => new CourseProtocolBuilder(null!);

        act.Should().ThrowExactly<ArgumentNullException>().Which.ParamName.Should().Be("protocol");
    }

    [Fact]
    public void Build_Twice_GivesEqualButSeparateProtocols()
    {
        var builder = new CourseProtocolBuilder { MaxDosesPerCycle = 12 };

        var first = builder.Build();
        var second = builder.Build();

        first.Should().NotBeSameAs(second);
        first.Should().Be(second);
        first.MaxDosesPerCycle.Should().Be(12);
    }

    [Fact]
    public void Build_ThenChangingTheBuilder_LeavesTheBuiltProtocolUnchanged()
    {
        var builder = new CourseProtocolBuilder { MaxDosesPerCycle = 12 };
        var built = builder.Build();

        builder.MaxDosesPerCycle = 8;
        builder.ResponseAssessmentDelay = Period.FromMonths(1);

        built.MaxDosesPerCycle.Should().Be(12);
        built.ResponseAssessmentDelay.Should().Be(Period.FromWeeks(4));
    }

    [Fact]
    public void Build_ValidCustomSettings_KeepsEveryOneOfThem()
    {
        var protocol = new CourseProtocolBuilder
        {
            DoseInternationalUnitsPerKilogram = 1,
            CycleCount = 10,
            CycleLengthDays = 14,
            RestPeriodDays = 90,
            DosingInterval = Duration.FromHours(24),
            InfusionDuration = Duration.FromMinutes(1),
            MaxDosesPerCycle = 14,
            DoseTiming = DoseTiming.WallClock,
            ResponseAssessmentDelay = Period.FromMonths(1),
            RetreatmentWindowStart = Period.FromDays(1),
            RetreatmentWindowEnd = Period.FromDays(1),
            MinimumIntervalAfterDischarge = Period.FromYears(1),
        }.Build();

        protocol.DoseInternationalUnitsPerKilogram.Should().Be(1);
        protocol.CycleCount.Should().Be(10);
        protocol.CycleLengthDays.Should().Be(14);
        protocol.RestPeriodDays.Should().Be(90);
        protocol.DosingInterval.Should().Be(Duration.FromHours(24));
        protocol.InfusionDuration.Should().Be(Duration.FromMinutes(1));
        protocol.MaxDosesPerCycle.Should().Be(14);
        protocol.SlotsPerCycle.Should().Be(14);
        protocol.DoseTiming.Should().Be(DoseTiming.WallClock);
        protocol.ResponseAssessmentDelay.Should().Be(Period.FromMonths(1));
        protocol.RetreatmentWindowStart.Should().Be(Period.FromDays(1));
        protocol.RetreatmentWindowEnd.Should().Be(Period.FromDays(1));
        protocol.MinimumIntervalAfterDischarge.Should().Be(Period.FromYears(1));
        protocol.MaxDosesPerCourse.Should().Be(140);
        protocol.DaysBetweenCycleStarts.Should().Be(104);
    }
}
