using FluentAssertions;
using NodaTime;

namespace IL2Schedule.Tests.Protocols;

// Every rule Build checks, one bad setting at a time, then several at once. The message is a
// documented contract ("Invalid course protocol: " then one sentence per bad setting), so each
// test asserts it word for word, and that a failed Build changed nothing.
public partial class CourseProtocolBuilderTests
{
    private const string Prefix = "Invalid course protocol: ";

    private static void Apply(CourseProtocolBuilder builder, string setting)
    {
        switch (setting)
        {
            case "DoseInternationalUnitsPerKilogram = 0": builder.DoseInternationalUnitsPerKilogram = 0; break;
            case "DoseInternationalUnitsPerKilogram = 1000001": builder.DoseInternationalUnitsPerKilogram = 1_000_001; break;
            case "DoseMilligramsPerKilogram = 0": builder.DoseMilligramsPerKilogram = 0m; break;
            case "DoseMilligramsPerKilogram = -0.037": builder.DoseMilligramsPerKilogram = -0.037m; break;
            case "DoseMilligramsPerKilogram = 0.11": builder.DoseMilligramsPerKilogram = 0.11m; break;
            case "StandardTimes 00:00, 08:00, 15:00":
                builder.DoseTiming = DoseTiming.StandardTimes;
                builder.StandardAdministrationTimes = [new LocalTime(0, 0), new LocalTime(8, 0), new LocalTime(15, 0)];
                break;
            case "StandardTimes 06:00, 14:00":
                builder.DoseTiming = DoseTiming.StandardTimes;
                builder.StandardAdministrationTimes = [new LocalTime(6, 0), new LocalTime(14, 0)];
                break;
            case "StandardTimes 00:00, 08:00, 08:00, 16:00":
                builder.DoseTiming = DoseTiming.StandardTimes;
                builder.StandardAdministrationTimes = [new LocalTime(0, 0), new LocalTime(8, 0), new LocalTime(8, 0), new LocalTime(16, 0)];
                break;
            case "StandardTimes 00:00:30, 08:00:30, 16:00:30":
                builder.DoseTiming = DoseTiming.StandardTimes;
                builder.StandardAdministrationTimes = [new LocalTime(0, 0, 30), new LocalTime(8, 0, 30), new LocalTime(16, 0, 30)];
                break;
            case "StandardTimes empty":
                builder.DoseTiming = DoseTiming.StandardTimes;
                builder.StandardAdministrationTimes = [];
                break;
            case "StandardTimes default, DosingInterval = 6 h":
                builder.DoseTiming = DoseTiming.StandardTimes;
                builder.DosingInterval = Duration.FromHours(6);
                break;
            case "StandardAdministrationTimes = null": builder.StandardAdministrationTimes = null; break;
            case "CycleWindowCounting = 5": builder.CycleWindowCounting = (CycleWindowCounting)5; break;
            case "StoppedInfusionCounting = 2": builder.StoppedInfusionCounting = (StoppedInfusionCounting)2; break;
            case "CycleCount = 0": builder.CycleCount = 0; break;
            case "CycleCount = 11": builder.CycleCount = 11; break;
            case "CycleLengthDays = 0": builder.CycleLengthDays = 0; break;
            case "CycleLengthDays = 15": builder.CycleLengthDays = 15; break;
            case "RestPeriodDays = -1": builder.RestPeriodDays = -1; break;
            case "RestPeriodDays = 91": builder.RestPeriodDays = 91; break;
            case "DosingInterval = 15 min": builder.DosingInterval = Duration.FromMinutes(15); break;
            case "DosingInterval = 10 min": builder.DosingInterval = Duration.FromMinutes(10); break;
            case "DosingInterval = 0": builder.DosingInterval = Duration.Zero; break;
            case "DosingInterval = -8 h": builder.DosingInterval = Duration.FromHours(-8); break;
            case "DosingInterval = 25 h": builder.DosingInterval = Duration.FromHours(25); break;
            case "DosingInterval = 8 h 30 s": builder.DosingInterval = Duration.FromHours(8) + Duration.FromSeconds(30); break;
            case "DosingInterval = 8 h 1 ms": builder.DosingInterval = Duration.FromHours(8) + Duration.FromMilliseconds(1); break;
            case "InfusionDuration = 0": builder.InfusionDuration = Duration.Zero; break;
            case "InfusionDuration = 15 min 30 s": builder.InfusionDuration = Duration.FromSeconds(930); break;
            case "InfusionDuration = 25 h": builder.InfusionDuration = Duration.FromHours(25); break;
            case "MaxDosesPerCycle = 16": builder.MaxDosesPerCycle = 16; break;
            case "MaxDosesPerCycle = 0": builder.MaxDosesPerCycle = 0; break;
            case "MaxDosesPerCycle = 7, CycleLengthDays = 2":
                builder.MaxDosesPerCycle = 7;
                builder.CycleLengthDays = 2;
                break;
            case "MaxDosesPerCycle = 19, DosingInterval = 7 h":
                builder.MaxDosesPerCycle = 19;
                builder.DosingInterval = Duration.FromHours(7);
                break;
            case "DoseTiming = 7": builder.DoseTiming = (DoseTiming)7; break;
            case "ResponseAssessmentDelay = P0D": builder.ResponseAssessmentDelay = Period.Zero; break;
            case "ResponseAssessmentDelay = PT1H": builder.ResponseAssessmentDelay = Period.FromHours(1); break;
            case "ResponseAssessmentDelay = P4WT1H": builder.ResponseAssessmentDelay = Period.FromWeeks(4) + Period.FromHours(1); break;
            case "ResponseAssessmentDelay = P1M-1D": builder.ResponseAssessmentDelay = Period.FromMonths(1) + Period.FromDays(-1); break;
            case "RetreatmentWindowStart = P-1D": builder.RetreatmentWindowStart = Period.FromDays(-1); break;
            case "RetreatmentWindowEnd = P367D": builder.RetreatmentWindowEnd = Period.FromDays(367); break;
            case "RetreatmentWindowEnd = P2Y": builder.RetreatmentWindowEnd = Period.FromYears(2); break;
            case "RetreatmentWindowEnd = P1Y2D": builder.RetreatmentWindowEnd = Period.FromYears(1) + Period.FromDays(2); break;
            case "RetreatmentWindowEnd = null": builder.RetreatmentWindowEnd = null; break;
            case "MinimumIntervalAfterDischarge = P53W": builder.MinimumIntervalAfterDischarge = Period.FromWeeks(53); break;
            case "MinimumIntervalAfterDischarge = null": builder.MinimumIntervalAfterDischarge = null; break;
            case "RetreatmentWindowEnd = P5W": builder.RetreatmentWindowEnd = Period.FromWeeks(5); break;
            case "RetreatmentWindowStart = P13W": builder.RetreatmentWindowStart = Period.FromWeeks(13); break;
            default: throw new ArgumentException("unknown setting " + setting, nameof(setting));
        }
    }

    [Theory]
    // Whole-number ranges.
    [InlineData("DoseInternationalUnitsPerKilogram = 0", "DoseInternationalUnitsPerKilogram must be in range [1, 1000000]; was 0")]
    [InlineData("DoseInternationalUnitsPerKilogram = 1000001", "DoseInternationalUnitsPerKilogram must be in range [1, 1000000]; was 1000001")]
    [InlineData("CycleCount = 0", "CycleCount must be in range [1, 10]; was 0")]
    [InlineData("CycleCount = 11", "CycleCount must be in range [1, 10]; was 11")]
    [InlineData("CycleLengthDays = 0", "CycleLengthDays must be in range [1, 14]; was 0")]
    [InlineData("CycleLengthDays = 15", "CycleLengthDays must be in range [1, 14]; was 15")]
    [InlineData("RestPeriodDays = -1", "RestPeriodDays must be in range [0, 90]; was -1")]
    [InlineData("RestPeriodDays = 91", "RestPeriodDays must be in range [0, 90]; was 91")]
    // The interval must be longer than the 15-minute infusion.
    [InlineData("DosingInterval = 15 min", "DosingInterval must be longer than InfusionDuration (0:15:00); was 0:15:00; see rule 5 (Infusion)")]
    [InlineData("DosingInterval = 10 min", "DosingInterval must be longer than InfusionDuration (0:15:00); was 0:10:00; see rule 5 (Infusion)")]
    // Durations: positive whole minutes, at most 24 hours.
    [InlineData("DosingInterval = 0", "DosingInterval must be a positive whole number of minutes, at most 24:00:00; was 0:00:00")]
    [InlineData("DosingInterval = -8 h", "DosingInterval must be a positive whole number of minutes, at most 24:00:00; was -8:00:00")]
    [InlineData("DosingInterval = 25 h", "DosingInterval must be a positive whole number of minutes, at most 24:00:00; was 25:00:00")]
    [InlineData("DosingInterval = 8 h 30 s", "DosingInterval must be a positive whole number of minutes, at most 24:00:00; was 8:00:30")]
    [InlineData("InfusionDuration = 0", "InfusionDuration must be a positive whole number of minutes, at most 24:00:00; was 0:00:00")]
    [InlineData("InfusionDuration = 15 min 30 s", "InfusionDuration must be a positive whole number of minutes, at most 24:00:00; was 0:15:30")]
    [InlineData("InfusionDuration = 25 h", "InfusionDuration must be a positive whole number of minutes, at most 24:00:00; was 25:00:00")]
    // The dose cap: at most the 8-hourly slots in the window (15 in 5 days, 6 in 2 days, 18 of 7 h in 5 days).
    [InlineData("MaxDosesPerCycle = 16", "MaxDosesPerCycle must be in range [1, 15] (the slots 8:00:00 apart in a 5-day window); was 16; see rule 4 (Dose cap and cycle window)")]
    [InlineData("MaxDosesPerCycle = 0", "MaxDosesPerCycle must be in range [1, 15] (the slots 8:00:00 apart in a 5-day window); was 0; see rule 4 (Dose cap and cycle window)")]
    [InlineData("MaxDosesPerCycle = 7, CycleLengthDays = 2", "MaxDosesPerCycle must be in range [1, 6] (the slots 8:00:00 apart in a 2-day window); was 7; see rule 4 (Dose cap and cycle window)")]
    [InlineData("MaxDosesPerCycle = 19, DosingInterval = 7 h", "MaxDosesPerCycle must be in range [1, 18] (the slots 7:00:00 apart in a 5-day window); was 19; see rule 4 (Dose cap and cycle window)")]
    // Dose timing must be a defined value.
    [InlineData("DoseTiming = 7", "DoseTiming must be one of Elapsed, WallClock, StandardTimes; was 7")]
    // The dose in mg/kg: null (no figure) or in (0, 0.1]; the label's is 0.037.
    [InlineData("DoseMilligramsPerKilogram = 0", "DoseMilligramsPerKilogram must be null or in range (0, 0.1]; was 0")]
    [InlineData("DoseMilligramsPerKilogram = -0.037", "DoseMilligramsPerKilogram must be null or in range (0, 0.1]; was -0.037")]
    [InlineData("DoseMilligramsPerKilogram = 0.11", "DoseMilligramsPerKilogram must be null or in range (0, 0.1]; was 0.11")]
    // Standard times, checked with DoseTiming.StandardTimes: whole minutes, one dosing interval
    // (8 h) apart around the day. 15:00 -> 00:00 is 9 h; 06:00, 14:00 leaves 16 h from 14:00 to
    // 06:00; a repeated 08:00 is 0 h from itself; 6-hourly doses need four times a day.
    [InlineData("StandardTimes 00:00, 08:00, 15:00", "StandardAdministrationTimes must be whole-minute clock times DosingInterval (8:00:00) apart around the day, for example 00:00, 08:00, 16:00 for 8 hours; was 00:00, 08:00, 15:00; see rule 11 (Standard administration times)")]
    [InlineData("StandardTimes 06:00, 14:00", "StandardAdministrationTimes must be whole-minute clock times DosingInterval (8:00:00) apart around the day, for example 00:00, 08:00, 16:00 for 8 hours; was 06:00, 14:00; see rule 11 (Standard administration times)")]
    [InlineData("StandardTimes 00:00, 08:00, 08:00, 16:00", "StandardAdministrationTimes must be whole-minute clock times DosingInterval (8:00:00) apart around the day, for example 00:00, 08:00, 16:00 for 8 hours; was 00:00, 08:00, 08:00, 16:00; see rule 11 (Standard administration times)")]
    [InlineData("StandardTimes 00:00:30, 08:00:30, 16:00:30", "StandardAdministrationTimes must be whole-minute clock times DosingInterval (8:00:00) apart around the day, for example 00:00, 08:00, 16:00 for 8 hours; was 00:00:30, 08:00:30, 16:00:30; see rule 11 (Standard administration times)")]
    [InlineData("StandardTimes empty", "StandardAdministrationTimes must be whole-minute clock times DosingInterval (8:00:00) apart around the day, for example 00:00, 08:00, 16:00 for 8 hours; was (none); see rule 11 (Standard administration times)")]
    [InlineData("StandardTimes default, DosingInterval = 6 h", "StandardAdministrationTimes must be whole-minute clock times DosingInterval (6:00:00) apart around the day, for example 00:00, 08:00, 16:00 for 8 hours; was 00:00, 08:00, 16:00; see rule 11 (Standard administration times)")]
    [InlineData("StandardAdministrationTimes = null", "StandardAdministrationTimes must not be null")]
    [InlineData("CycleWindowCounting = 5", "CycleWindowCounting must be one of Elapsed, CalendarDays; was 5")]
    [InlineData("StoppedInfusionCounting = 2", "StoppedInfusionCounting must be one of CountsAsGiven, CountsAsHeld; was 2")]
    // Follow-up periods: whole days, weeks, months or years, 1 day to 1 year (366 days).
    [InlineData("ResponseAssessmentDelay = P0D", "ResponseAssessmentDelay must be whole days, weeks, months or years, between 1 day and 1 year; was P0D")]
    [InlineData("ResponseAssessmentDelay = PT1H", "ResponseAssessmentDelay must be whole days, weeks, months or years, between 1 day and 1 year; was PT1H")]
    [InlineData("ResponseAssessmentDelay = P4WT1H", "ResponseAssessmentDelay must be whole days, weeks, months or years, between 1 day and 1 year; was P4WT1H")]
    [InlineData("ResponseAssessmentDelay = P1M-1D", "ResponseAssessmentDelay must be whole days, weeks, months or years, between 1 day and 1 year; was P1M-1D")]
    [InlineData("RetreatmentWindowStart = P-1D", "RetreatmentWindowStart must be whole days, weeks, months or years, between 1 day and 1 year; was P-1D")]
    [InlineData("RetreatmentWindowEnd = P367D", "RetreatmentWindowEnd must be whole days, weeks, months or years, between 1 day and 1 year; was P367D")]
    [InlineData("RetreatmentWindowEnd = P2Y", "RetreatmentWindowEnd must be whole days, weeks, months or years, between 1 day and 1 year; was P2Y")]
    [InlineData("RetreatmentWindowEnd = P1Y2D", "RetreatmentWindowEnd must be whole days, weeks, months or years, between 1 day and 1 year; was P1Y2D")]
    [InlineData("MinimumIntervalAfterDischarge = P53W", "MinimumIntervalAfterDischarge must be whole days, weeks, months or years, between 1 day and 1 year; was P53W")]
    [InlineData("RetreatmentWindowEnd = null", "RetreatmentWindowEnd must not be null")]
    [InlineData("MinimumIntervalAfterDischarge = null", "MinimumIntervalAfterDischarge must not be null")]
    // The window's end may not come before its start (label preset: P6W to P12W).
    [InlineData("RetreatmentWindowEnd = P5W", "RetreatmentWindowEnd must not be shorter than RetreatmentWindowStart (P6W); was P5W; see rule 8 (Next-course window)")]
    [InlineData("RetreatmentWindowStart = P13W", "RetreatmentWindowEnd must not be shorter than RetreatmentWindowStart (P13W); was P12W; see rule 8 (Next-course window)")]
    public void Build_OneBadSetting_ThrowsNamingItsRuleAndValue(string setting, string expectedProblem)
    {
        var builder = CourseProtocol.Label.ToBuilder();
        Apply(builder, setting);

        var act = builder.Build;

        var exception = act.Should().ThrowExactly<InvalidCourseProtocolException>().Which;
        exception.Message.Should().Be(Prefix + expectedProblem + ".");
        exception.ParamName.Should().BeNull("Build has no parameter to name");
        CourseProtocol.Label.Should().Be(new CourseProtocolBuilder().Build(), "a failed Build leaves the preset alone");
    }

    // A sub-second part is not a whole number of minutes, and the message must show it: "was
    // 8:00:00" would contradict the rule it reports.
    [Fact]
    public void Build_SubSecondDosingInterval_ShowsTheSubSecondValueInTheMessage()
    {
        var builder = CourseProtocol.Label.ToBuilder();
        Apply(builder, "DosingInterval = 8 h 1 ms");

        var act = builder.Build;

        act.Should().ThrowExactly<InvalidCourseProtocolException>().Which.Message.Should().Be(
            Prefix + "DosingInterval must be a positive whole number of minutes, at most 24:00:00; was 8:00:00.001.");
    }

    // Boundaries that are allowed: 1 day and 366 days ("1 year"), P1Y, P12M, P52W, P1Y1D
    // (366 days from the reference date 2001-01-01), end equal to start, a 24-hour interval,
    // a 1-minute infusion, no rest, 90 days' rest, 1 and 10 cycles, 15 doses in 5 days.
    [Theory]
    [InlineData("P1D")]
    [InlineData("P366D")]
    [InlineData("P1Y")]
    [InlineData("P12M")]
    [InlineData("P52W")]
    [InlineData("P1Y1D")]
    public void Build_FollowUpPeriodAtAnAllowedBoundary_Builds(string periodText)
    {
        var period = NodaTime.Text.PeriodPattern.Roundtrip.Parse(periodText).GetValueOrThrow();

        var protocol = new CourseProtocolBuilder
        {
            ResponseAssessmentDelay = period,
            RetreatmentWindowStart = Period.FromDays(1),
            RetreatmentWindowEnd = period,
            MinimumIntervalAfterDischarge = period,
        }.Build();

        protocol.ResponseAssessmentDelay.Should().Be(period);
        protocol.RetreatmentWindowEnd.Should().Be(period);
        protocol.MinimumIntervalAfterDischarge.Should().Be(period);
    }

    [Fact]
    public void Build_OtherAllowedBoundaries_Build()
    {
        var act = () => new CourseProtocolBuilder
        {
            CycleCount = 1,
            RestPeriodDays = 0,
            DosingInterval = Duration.FromHours(24),
            InfusionDuration = Duration.FromMinutes(1),
            MaxDosesPerCycle = 5,
            RetreatmentWindowStart = Period.FromWeeks(12),
        }.Build();

        act.Should().NotThrow();
        new CourseProtocolBuilder { CycleCount = 10, RestPeriodDays = 90, MaxDosesPerCycle = 15 }.Build().MaxDosesPerCourse.Should().Be(150);
    }

    // Several bad settings: one message naming each, in the order the settings are declared, and
    // nothing changed — the builder still holds every value it was given, and once the bad values
    // are put back it builds the original protocol.
    [Fact]
    public void Build_SeveralBadSettings_NamesEveryOneInOneMessageAndChangesNothing()
    {
        var builder = CourseProtocol.Label.ToBuilder();
        builder.CycleCount = 0;
        builder.RestPeriodDays = -1;
        builder.InfusionDuration = Duration.FromSeconds(930);
        builder.MaxDosesPerCycle = 16;
        builder.DoseTiming = (DoseTiming)7;
        builder.ResponseAssessmentDelay = Period.Zero;
        builder.RetreatmentWindowStart = Period.FromWeeks(8);
        builder.RetreatmentWindowEnd = Period.FromWeeks(7);
        builder.MinimumIntervalAfterDischarge = null;

        var act = builder.Build;

        act.Should().ThrowExactly<InvalidCourseProtocolException>().Which.Message.Should().Be(
            "Invalid course protocol: "
            + "CycleCount must be in range [1, 10]; was 0. "
            + "RestPeriodDays must be in range [0, 90]; was -1. "
            + "InfusionDuration must be a positive whole number of minutes, at most 24:00:00; was 0:15:30. "
            + "MaxDosesPerCycle must be in range [1, 15] (the slots 8:00:00 apart in a 5-day window); was 16; see rule 4 (Dose cap and cycle window). "
            + "DoseTiming must be one of Elapsed, WallClock, StandardTimes; was 7. "
            + "ResponseAssessmentDelay must be whole days, weeks, months or years, between 1 day and 1 year; was P0D. "
            + "MinimumIntervalAfterDischarge must not be null. "
            + "RetreatmentWindowEnd must not be shorter than RetreatmentWindowStart (P8W); was P7W; see rule 8 (Next-course window)."
           );

        builder.CycleCount.Should().Be(0);
        builder.RestPeriodDays.Should().Be(-1);
        builder.InfusionDuration.Should().Be(Duration.FromSeconds(930));
        builder.MaxDosesPerCycle.Should().Be(16);
        builder.DoseTiming.Should().Be((DoseTiming)7);
        builder.ResponseAssessmentDelay.Should().Be(Period.Zero);
        builder.RetreatmentWindowStart.Should().Be(Period.FromWeeks(8));
        builder.RetreatmentWindowEnd.Should().Be(Period.FromWeeks(7));
        builder.MinimumIntervalAfterDischarge.Should().BeNull();
        CourseProtocol.Label.Should().Be(new CourseProtocolBuilder().Build());

        builder.CycleCount = 2;
        builder.RestPeriodDays = 9;
        builder.InfusionDuration = Duration.FromMinutes(15);
        builder.MaxDosesPerCycle = 14;
        builder.DoseTiming = DoseTiming.Elapsed;
        builder.ResponseAssessmentDelay = Period.FromWeeks(4);
        builder.RetreatmentWindowStart = Period.FromWeeks(6);
        builder.RetreatmentWindowEnd = Period.FromWeeks(12);
        builder.MinimumIntervalAfterDischarge = Period.FromWeeks(7);
        builder.Build().Should().Be(CourseProtocol.Label);
    }

    // When the interval itself is invalid the cap cannot be compared with the slots; only a cap
    // below 1 is reported.
    [Fact]
    public void Build_InvalidIntervalAndZeroCap_ReportsBothWithoutASlotCount()
    {
        var builder = new CourseProtocolBuilder { DosingInterval = Duration.Zero, MaxDosesPerCycle = 0 };

        var act = builder.Build;

        act.Should().ThrowExactly<InvalidCourseProtocolException>().Which.Message.Should().Be(
            "Invalid course protocol: "
            + "DosingInterval must be a positive whole number of minutes, at most 24:00:00; was 0:00:00. "
            + "MaxDosesPerCycle must be at least 1; was 0."
           );
    }

    // The problems as values: the setting as named in code, the rule with its value, in the
    // builder's order; the message is made of exactly these.
    [Fact]
    public void Build_SeveralInvalidSettings_ReportsEachAsASettingAndItsRule()
    {
        var builder = new CourseProtocolBuilder { CycleCount = 0, MaxDosesPerCycle = 16 };

        var act = builder.Build;

        var exception = act.Should().ThrowExactly<InvalidCourseProtocolException>().Which;
        exception.Problems.Select(problem => (problem.Setting, problem.Rule)).Should().Equal(
            ("CycleCount", "must be in range [1, 10]; was 0"),
            ("MaxDosesPerCycle", "must be in range [1, 15] (the slots 8:00:00 apart in a 5-day window); was 16; see rule 4 (Dose cap and cycle window)"));
        exception.Problems[1].ToString().Should().Be("MaxDosesPerCycle must be in range [1, 15] (the slots 8:00:00 apart in a 5-day window); was 16; see rule 4 (Dose cap and cycle window)");
        exception.Message.Should().Be("Invalid course protocol: " + string.Join(". ", exception.Problems) + ".");
        exception.ParamName.Should().BeNull();
    }

    [Fact]
    public void Build_InvalidCycleLengthAndCapAboveTheDefaultSlots_ReportsOnlyTheCycleLength()
    {
        var builder = new CourseProtocolBuilder { CycleLengthDays = 0, MaxDosesPerCycle = 16 };

        var act = builder.Build;

        act.Should().ThrowExactly<InvalidCourseProtocolException>().Which.Message.Should().Be(
            "Invalid course protocol: CycleLengthDays must be in range [1, 14]; was 0.");
    }
}
