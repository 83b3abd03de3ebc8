using IL2Schedule.Rules;
using NodaTime;

namespace IL2Schedule.Batch;

/// <summary>
/// The batch's fast path for protocols with elapsed dose timing and elapsed cycle windows: a course
/// is planned from the protocol's precomputed <see cref="ElapsedCourseShape"/> with one zone lookup
/// per cycle when that provably gives the walker's course, and through <see cref="PlanOne"/> otherwise.
/// </summary>
public sealed partial class BatchPlanner
{
    /// <summary>The first dose's earliest local ticks: 0001-01-02T00:00 (<see cref="CoursePlanner.CheckFirstDoseDate"/>).</summary>
    private static readonly long EarliestFirstDose = LocalTicks.From(new LocalDate(1, 1, 2));

    /// <summary>
    /// Plans a request that names a protocol with an elapsed shape, a zone and a first dose that
    /// <see cref="PlanOne"/> would accept (ISO calendar, on or after 0001-01-02, whole ticks, not within a
    /// longest course of 9999-12-31), and neither a discharge date nor a body weight, when
    /// <see cref="TryWalkElapsed"/> plans it; its follow-up values come from the protocol's table. Such a
    /// course is exactly what <see cref="PlanOne"/> gives it (the same shape walk and table). False,
    /// with some slots written, for every other request: the caller plans it with <see cref="PlanOne"/>.
    /// </summary>
    private bool TryPlanPlain(in CourseRequest request, ZoneCaches caches, ref SlotSink sink, out CourseOutcome outcome)
    {
        outcome = default;
        if ((uint)request.ProtocolIndex >= (uint)plans.Length
            || request.Zone is not { } zone
            || request.DischargeDate is not null
            || request.BodyWeightKilograms is not null)
        {
            return false;
        }
        var plan = plans[request.ProtocolIndex];
        var firstDose = request.FirstDose;
        if (plan.Shape is not { } shape || firstDose.Calendar != CalendarSystem.Iso || !Ticks.IsWhole(firstDose))
        {
            return false;
        }
        long firstLocal = LocalTicks.From(firstDose);
        if (firstLocal < EarliestFirstDose || !CourseWalker.FitsTheCalendarWithoutCheck(firstLocal))
        {
            return false;
        }
        sink.Protocol = plan.Protocol;
        if (!TryWalkElapsed(shape, caches.For(zone), firstLocal, ref sink, out var course))
        {
            return false;
        }
        outcome = CourseOutcome.Of(course, plan.FollowUpColumns(course, null), 0, 0);
        return true;
    }

    /// <summary>
    /// Plans a course of an elapsed protocol from its precomputed shape when every cycle's nominal
    /// start maps far from any transition into a zone interval that the walker's fast path accepts
    /// (<see cref="ElapsedCourseShape.Fits"/>) and no cycle starts before the previous one's last
    /// infusion ends; then the course is exactly the walker's (<see cref="ElapsedCourseShape"/>'s
    /// remarks). False, with some slots written, otherwise: the caller walks the course.
    /// </summary>
    /// <remarks>The caller has checked that the course fits the calendar without a check (<see cref="CourseWalker.FitsTheCalendarWithoutCheck"/>).</remarks>
    private static bool TryWalkElapsed(ElapsedCourseShape shape, ZoneIntervalCache cache, long firstLocal, ref SlotSink sink, out CourseTotals course)
    {
        course = default;
        var nominalOffsets = shape.NominalStartOffsets;
        long previousEnd = long.MinValue;
        long endOffset = 0;
        for (int c = 0; c < nominalOffsets.Length; c++)
        {
            long nominal = firstLocal + nominalOffsets[c];
            if (!cache.TryMapFarFromTransitions(nominal, out long start, out var interval) || start < previousEnd || !shape.Fits(start, interval))
            {
                return false;
            }
            sink.ElapsedCycle(shape, c, start);
            sink.Cycle(c, nominal, start, CycleStartResolution.AsPlanned, start + shape.WindowEndOffset, shape.CycleSlots, shape.DosesPerCycle);
            previousEnd = start + shape.DoseEndOffsets[^1];
            endOffset = interval.OffsetTicks;
        }
        course = new CourseTotals(nominalOffsets.Length * shape.DosesPerCycle, previousEnd, endOffset);
        return true;
    }
}
