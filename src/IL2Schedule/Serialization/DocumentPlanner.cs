using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule.Serialization;

/// <summary>
/// The one place where the JSON forms call the public planner: reading a planned document
/// re-plans it here for the consistency check, and reading a record document plans its course
/// here, so both forms turn the same inputs into the same schedule.
/// </summary>
internal static class DocumentPlanner
{
    /// <summary>
    /// Plans a course with <see cref="CoursePlanner"/> and adds the schedule's options in the order
    /// the planned form states them: discharge date, body weight, working days.
    /// </summary>
    /// <param name="protocol">The document's protocol.</param>
    /// <param name="requestedFirstDose">The requested local first dose.</param>
    /// <param name="zone">The course's zone.</param>
    /// <param name="firstDoseResolver">Which instant a skipped or repeated first dose means; null to reject such a first dose.</param>
    /// <param name="dischargeDate">The discharge date, or null.</param>
    /// <param name="bodyWeightKilograms">The body weight in kilograms, or null.</param>
    /// <param name="workingDays">The working-day calendar and imaging shift, or null.</param>
    /// <returns>The planned schedule.</returns>
    /// <exception cref="System.ArgumentException">The planner or a schedule option rejects an input (as documented on each).</exception>
    /// <exception cref="System.Text.Json.JsonException">A weekend day or imaging shift is not a known name.</exception>
    internal static CourseSchedule Plan(
        CourseProtocol protocol,
        LocalDateTime requestedFirstDose,
        DateTimeZone zone,
        ZoneLocalMappingResolver? firstDoseResolver,
        LocalDate? dischargeDate,
        decimal? bodyWeightKilograms,
        WorkingDaysDocument? workingDays)
    {
        var planner = new CoursePlanner(protocol);
        var schedule = (firstDoseResolver is null ? planner.Plan(requestedFirstDose, zone) : planner.Plan(requestedFirstDose, zone, firstDoseResolver))
            .WithDischargeDate(dischargeDate)
            .WithBodyWeight(bodyWeightKilograms);
        if (workingDays is not null)
        {
            var (calendar, shift) = CourseScheduleJson.FromDocument(workingDays);
            schedule = schedule.WithWorkingDays(calendar, shift);
        }
        return schedule;
    }
}
