using FluentAssertions;
using IL2Schedule.Batch;
using NodaTime;

namespace IL2Schedule.Tests.Batch;

/// <summary>Tests of <see cref="CourseColumns"/>' own argument checks: sizes at and past their bounds.</summary>
public class CourseColumnsTests
{
    [Fact]
    public void Allocate_TheSmallestSizes_AreAllowed()
    {
        var empty = CourseColumns.Allocate(0, 1);
        var one = CourseColumns.Allocate(1, 1, withDoseEndsAndCycles: true);

        (empty.CourseCount, empty.DosesPerCourse, empty.DoseStarts.Length).Should().Be((0, 1, 0));
        (one.CourseCount, one.DosesPerCourse, one.DoseStarts.Length, one.DoseEnds.Length, one.DoseCycleNumbers.Length).Should().Be((1, 1, 1, 1, 1));
    }

    [Fact]
    public void Allocate_WithoutDoseEnds_HasNone_AndWithThemHasASlotEach()
    {
        var without = CourseColumns.Allocate(3, 28);
        var with = CourseColumns.Allocate(3, 28, withDoseEndsAndCycles: true);

        (without.DoseStarts.Length, without.DoseEnds.Length, without.DoseCycleNumbers.Length).Should().Be((84, 0, 0));
        (with.DoseStarts.Length, with.DoseEnds.Length, with.DoseCycleNumbers.Length).Should().Be((84, 84, 84));
        (with.CourseEnds.Length, with.ResponseAssessmentDates.Length, with.NextCourseWindowStarts.Length, with.NextCourseWindowEnds.Length).Should().Be((3, 3, 3, 3));
        (with.NextCourseWindowReasons.Length, with.DoseInternationalUnits.Length, with.DoseMilligrams.Length, with.DoseCounts.Length).Should().Be((3, 3, 3, 3));
    }

    [Theory]
    [InlineData(-1, 28, "courseCount", "courseCount must be at least 0; was -1")]
    [InlineData(1, 0, "dosesPerCourse", "dosesPerCourse must be at least 1; was 0")]
    [InlineData(1, -5, "dosesPerCourse", "dosesPerCourse must be at least 1; was -5")]
    // 50,000,000 × 48 = 2,400,000,000 slots, more than Array.MaxLength (2,147,483,591): refused before anything is allocated.
    [InlineData(50_000_000, 48, "courseCount", "courseCount × dosesPerCourse must be at most 2147483591; was 2400000000")]
    public void Allocate_BadSizes_ThrowNamingTheValue(int courseCount, int dosesPerCourse, string paramName, string message)
    {
        var act = () => CourseColumns.Allocate(courseCount, dosesPerCourse);

        var thrown = act.Should().ThrowExactly<ArgumentOutOfRangeException>().Which;
        thrown.ParamName.Should().Be(paramName);
        thrown.Message.Should().StartWith(message);
    }

    [Fact]
    public void Constructor_DosesPerCourseBelowOne_Throws_AndOneIsAllowed()
    {
        CourseColumns Make(int dosesPerCourse) => new(
            dosesPerCourse, new int[2], new long[2], Memory<long>.Empty, Memory<byte>.Empty, new long[2], new LocalDate[2], new LocalDate[2], new LocalDate[2],
            new NextCourseWindowReasons[2], new decimal[2], new decimal[2]);

        var act = () => Make(0);

        act.Should().ThrowExactly<ArgumentOutOfRangeException>().WithMessage("dosesPerCourse must be at least 1; was 0*").Which.ParamName.Should().Be("dosesPerCourse");
        Make(1).DosesPerCourse.Should().Be(1);
    }

    // Dose ends without cycle numbers (or the reverse) are checked: both or neither.
    [Fact]
    public void Constructor_DoseEndsWithoutCycleNumbers_Throws()
    {
        var endsOnly = () => new CourseColumns(
            28, new int[1], new long[28], new long[28], Memory<byte>.Empty, new long[1], new LocalDate[1], new LocalDate[1], new LocalDate[1],
            new NextCourseWindowReasons[1], new decimal[1], new decimal[1]);
        var cyclesOnly = () => new CourseColumns(
            28, new int[1], new long[28], Memory<long>.Empty, new byte[28], new long[1], new LocalDate[1], new LocalDate[1], new LocalDate[1],
            new NextCourseWindowReasons[1], new decimal[1], new decimal[1]);

        endsOnly.Should().Throw<ArgumentException>().WithMessage("doseCycleNumbers must hold 28 slots for each of the 1 courses (28); was 0 long*");
        cyclesOnly.Should().Throw<ArgumentException>().WithMessage("doseEnds must hold 28 slots for each of the 1 courses (28); was 0 long*");
    }

    [Theory]
    [InlineData(0, 2, "courseEnds")]
    [InlineData(1, 2, "responseAssessmentDates")]
    [InlineData(2, 2, "nextCourseWindowEnds")]
    [InlineData(3, 2, "nextCourseWindowReasons")]
    [InlineData(4, 2, "doseInternationalUnits")]
    public void Constructor_APerCourseColumnOfAnotherLength_ThrowsNamingIt(int which, int courses, string paramName)
    {
        int Length(int column) => column == which ? courses + 1 : courses;
        var act = () => new CourseColumns(
            1, new int[courses], new long[courses], Memory<long>.Empty, Memory<byte>.Empty, new long[Length(0)], new LocalDate[Length(1)], new LocalDate[courses],
            new LocalDate[Length(2)], new NextCourseWindowReasons[Length(3)], new decimal[Length(4)], new decimal[courses]);

        act.Should().Throw<ArgumentException>().WithMessage($"{paramName} must be as long as doseCounts (2); was 3*").Which.ParamName.Should().Be(paramName);
    }
}
