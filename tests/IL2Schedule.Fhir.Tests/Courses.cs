using IL2Schedule.Records;
using NodaTime;

namespace IL2Schedule.Fhir.Tests;

/// <summary>The three courses the FHIR tests use, each with the clock change written beside it.</summary>
internal static class Courses
{
    internal const string Patient = "Patient/p1";

    internal static readonly FhirCourseMapper Mapper = new(Patient);

    /// <summary>
    /// The README's worked example: 2027-03-10 08:00 America/New_York, the label's protocol. EST
    /// (-05:00) until 2027-03-14 02:00, then EDT (-04:00).
    /// </summary>
    internal static CourseSchedule WorkedExample() => new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");

    /// <summary>
    /// 2022-10-01 18:00 Australia/Sydney: AEST (+10:00) until 2022-10-02 02:00, when clocks go
    /// forward to 03:00 AEDT (+11:00).
    /// </summary>
    internal static CourseSchedule Sydney() => new CoursePlanner().Plan(new LocalDateTime(2022, 10, 1, 18, 0), "Australia/Sydney");

    /// <summary>
    /// The worked example as recorded (all -05:00): slot 1 given 5 minutes late at 08:05; slot 2 held
    /// (due 16:05, 8 h after 08:05); slot 3 given late at 03-11 00:30 (due 00:05); slot 4 (due
    /// 08:30) stopped after 10 minutes at 08:40 for rigors (before its planned end 08:45); slot 5 (due 16:30) recorded at 16:30 and corrected
    /// to 16:35.
    /// </summary>
    internal static CourseRecord Recorded() => CourseRecord.Start(WorkedExample()).ApplyAll(
    [
        new DoseGiven("e1", 1, 1, At(2027, 3, 10, 8, 5), null),
        new DoseHeld("e2", 1, 2, "hypotension"),
        new DoseGiven("e3", 1, 3, At(2027, 3, 11, 0, 30), null),
        new DoseStopped("e4", 1, 4, At(2027, 3, 11, 8, 30), At(2027, 3, 11, 8, 40), "rigors"),
        new DoseGiven("e5", 1, 5, At(2027, 3, 11, 16, 30), null),
        new Corrected("c1", "e5", new DoseGiven("e5", 1, 5, At(2027, 3, 11, 16, 35), null)),
    ]);

    /// <summary>An instant from a New York local time in EST (-05:00).</summary>
    internal static Instant At(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).WithOffset(Offset.FromHours(-5)).ToInstant();
}
