using System;
using IL2Schedule.Rules;
using NodaTime;

namespace IL2Schedule.Batch;

/// <summary>Planning one request of a batch through the shared rules, with the batch's zone cache as the mapping.</summary>
public sealed partial class BatchPlanner
{
    /// <summary>Plans one request into <paramref name="sink"/>'s slots; a broken rule is reported in <paramref name="failure"/>, never thrown.</summary>
    private CourseOutcome PlanOne(in CourseRequest request, ZoneCaches caches, ref SlotSink sink, long index, out CourseFailure? failure)
    {
        failure = null;
        if ((uint)request.ProtocolIndex >= (uint)plans.Length)
        {
            failure = new CourseFailure(index, ProtocolIndexOutOfRange(request.ProtocolIndex, plans.Length));
            return default;
        }
        if (request.Zone is not { } zone)
        {
            failure = new CourseFailure(index, ZoneIsNull(request.Zone));
            return default;
        }
        var plan = plans[request.ProtocolIndex];
        var protocol = plan.Protocol;
        try
        {
            CoursePlanner.CheckFirstDoseDate(request.FirstDose.Date);
            if (!Ticks.IsWhole(request.FirstDose))
            {
                failure = new CourseFailure(index, CoursePlanner.FirstDoseNotWholeTicks(request.FirstDose));
                return default;
            }
            var cache = caches.For(zone);
            var firstLocal = LocalTicks.From(request.FirstDose);
            sink.Protocol = protocol;
            // The shape's walk only where the walker would check nothing before mapping the first
            // dose, so that a failure is reported as the walker reports it.
            if (plan.Shape is not { } shape || !CourseWalker.FitsTheCalendarWithoutCheck(firstLocal) || !TryWalkElapsed(shape, cache, firstLocal, ref sink, out var course))
            {
                sink.Restart();
                var map = new CachedZoneMap(cache);
                var firstStart = map.MapLeniently(firstLocal, out bool unique);
                if (!unique)
                {
                    failure = new CourseFailure(index, FirstDoseNotUnique(request.FirstDose, zone));
                    return default;
                }
                if (!CourseWalker.TryWalk(protocol, firstLocal, firstStart, ref map, ref sink, out course, out var broken))
                {
                    failure = new CourseFailure(index, broken.ToException(protocol, zone, "firstDose"));
                    return default;
                }
            }
            if (request.DischargeDate is not null)
            {
                FollowUpRules.CheckDischarge(request.DischargeDate, course.CourseEndDate, "dischargeDate");
            }
            decimal units = 0;
            decimal milligrams = 0;
            if (request.BodyWeightKilograms is { } weight)
            {
                DoseAmount.CheckBodyWeight(weight, "bodyWeightKilograms");
                units = DoseAmount.InternationalUnitsFor(protocol, weight);
                milligrams = DoseAmount.MilligramsFor(protocol, weight) ?? 0;
            }
            FollowUpColumns followUp;
            if (sink.Details is { } details)
            {
                var dates = plan.FollowUpDates(course, request.DischargeDate);
                details.Course(sink.Course, course.CourseEndDate, dates, plan.NoteOf(course, request.DischargeDate, dates), AmountDetails(protocol, request.BodyWeightKilograms, course.DoseCount));
                followUp = FollowUpColumns.From(dates);
            }
            else
            {
                followUp = plan.FollowUpColumns(course, request.DischargeDate);
            }
            return CourseOutcome.Of(course, followUp, units, milligrams);
        }
        catch (ArgumentException e)
        {
            failure = new CourseFailure(index, e);
            return default;
        }
    }

    /// <summary>The dose amount's vials, diluent, concentration, warning and course totals (<see cref="DoseAmount"/>'s rules); zeros without a weight.</summary>
    private static DoseAmountValues AmountDetails(CourseProtocol protocol, decimal? bodyWeightKilograms, int doseCount)
    {
        if (bodyWeightKilograms is not { } weight)
        {
            return default;
        }
        decimal units = DoseAmount.InternationalUnitsFor(protocol, weight);
        decimal? milligrams = DoseAmount.MilligramsFor(protocol, weight);
        int diluent = DoseAmount.DiluentMillilitersFor(units);
        decimal? concentration = DoseAmount.ConcentrationFor(milligrams, diluent);
        return new DoseAmountValues(
            DoseAmount.VialsFor(units),
            diluent,
            concentration ?? 0,
            DoseAmount.IsInLabelRange(concentration) == false ? DoseAmount.For(protocol, weight).ConcentrationWarning : null,
            DoseAmount.CourseTotal(units, doseCount),
            milligrams is { } mg ? DoseAmount.CourseTotal(mg, doseCount) : 0);
    }

    private static ArgumentOutOfRangeException ProtocolIndexOutOfRange(int protocolIndex, int protocolCount) =>
        new(nameof(protocolIndex), protocolIndex, Invariant($"protocolIndex must be in range [0, {protocolCount}); was {protocolIndex}"));

    private static ArgumentNullException ZoneIsNull(DateTimeZone? zone) => new(nameof(zone));

    private static LocalTimeMappingException FirstDoseNotUnique(LocalDateTime firstDose, DateTimeZone zone) => new(zone.MapLocal(firstDose), nameof(firstDose));

    /// <summary>Writes each planned dose's start, and when given its end and cycle number, into the course's slots.</summary>
    private ref struct SlotSink(Span<long> starts, Span<long> ends, Span<byte> cycleNumbers) : ICourseSink
    {
        private readonly Span<long> starts = starts;
        private readonly Span<long> ends = ends;
        private readonly Span<byte> cycleNumbers = cycleNumbers;
        private int count;

        /// <summary>The protocol of the course being walked, whose infusion rule gives the ends.</summary>
        internal CourseProtocol? Protocol { get; set; }

        /// <summary>The detail columns to fill, or null.</summary>
        internal CourseDetailColumns? Details { get; init; }

        /// <summary>The course's index in <see cref="Details"/>.</summary>
        internal int Course { get; init; }

        public void Dose(int cycleIndex, int indexInCycle, long start)
        {
            starts[count] = start;
            if (!ends.IsEmpty)
            {
                ends[count] = InfusionRule.End(Protocol!, start);
                cycleNumbers[count] = (byte)(cycleIndex + 1);
            }
            count++;
        }

        /// <summary>Forgets the doses written so far: the walker writes the course again from its first slot.</summary>
        internal void Restart() => count = 0;

        /// <summary>
        /// Writes a cycle of <paramref name="shape"/> that starts at <paramref name="start"/> (ticks):
        /// its doses at the shape's offsets from the start, as <see cref="Dose"/> writes them one by one.
        /// </summary>
        internal void ElapsedCycle(ElapsedCourseShape shape, int cycleIndex, long start)
        {
            var offsets = shape.DoseStartOffsets;
            var slots = starts.Slice(count, offsets.Length);
            for (int k = 0; k < slots.Length; k++)
            {
                slots[k] = start + offsets[k];
            }
            if (!ends.IsEmpty)
            {
                var endOffsets = shape.DoseEndOffsets;
                var endSlots = ends.Slice(count, endOffsets.Length);
                for (int k = 0; k < endSlots.Length; k++)
                {
                    endSlots[k] = start + endOffsets[k];
                }
                cycleNumbers.Slice(count, offsets.Length).Fill((byte)(cycleIndex + 1));
            }
            count += offsets.Length;
        }

        /// <summary>Clears the slots from <paramref name="doseCount"/> on: a failed or shorter course leaves nothing of an earlier one.</summary>
        internal readonly void ClearFrom(int doseCount)
        {
            starts[doseCount..].Clear();
            if (!ends.IsEmpty)
            {
                ends[doseCount..].Clear();
                cycleNumbers[doseCount..].Clear();
            }
        }

        public readonly void Cycle(int cycleIndex, long nominalLocal, long start, CycleStartResolution resolution, long windowEnd, int capacity, int planned) =>
            Details?.Cycle(Course, cycleIndex, start, resolution, windowEnd, capacity, planned, Protocol!.MaxDosesPerCycle);
    }
}

/// <summary>What planning one course produced (the columns' per-course values).</summary>
internal readonly record struct CourseOutcome(
    int DoseCount,
    long CourseEnd,
    LocalDate ResponseAssessmentDate,
    LocalDate NextCourseWindowStart,
    LocalDate NextCourseWindowEnd,
    NextCourseWindowReasons NextCourseWindowReasons,
    decimal DoseInternationalUnits,
    decimal DoseMilligrams)
{
    /// <summary>The outcome of a planned course with its follow-up values and one dose's amounts (0 without a weight).</summary>
    internal static CourseOutcome Of(in CourseTotals course, in FollowUpColumns followUp, decimal units, decimal milligrams) =>
        new(course.DoseCount, course.CourseEnd, followUp.ResponseAssessmentDate, followUp.NextCourseWindowStart,
            followUp.NextCourseWindowEnd, followUp.NextCourseWindowReasons, units, milligrams);
}
