using System.Linq;
using IL2Schedule.Records;
using NodaTime;

namespace IL2Schedule.Serialization;

/// <content>The re-planned form: a re-planned schedule (and a status) as a document.</content>
public static partial class CourseRecordJson
{
    private static ReplannedScheduleDocument ToDocument(ReplannedSchedule schedule, CourseStatus? status)
    {
        var record = schedule.Record;
        var plan = record.Plan;
        var zone = plan.Zone;
        var window = schedule.NextCourseWindow;
        return new ReplannedScheduleDocument
        {
            SchemaVersion = CourseScheduleJson.SchemaVersion,
            CourseNumber = record.CourseNumber,
            Zone = plan.ZoneId,
            TzdbVersion = plan.TzdbVersion,
            DoseTiming = CourseScheduleJson.ToText(plan.Protocol.DoseTiming),
            HeldDosePolicy = PolicyText(record.HeldDosePolicy),
            Protocol = CourseScheduleJson.ToDocument(plan.Protocol),
            RequestedFirstDose = plan.RequestedFirstDose,
            DischargeDate = schedule.DischargeDate,
            RetreatmentOverrideReason = record.RetreatmentOverrideReason,
            BodyWeightKg = plan.DoseAmount?.BodyWeightKilograms,
            WorkingDays = CourseScheduleJson.ToDocument(plan.WorkingDayCalendar, plan.ImagingDateShift),
            KnownTime = schedule.KnownTime == Instant.MinValue ? null : schedule.KnownTime.InZone(zone).ToOffsetDateTime(),
            CourseComplete = schedule.IsComplete,
            Cycles = [.. schedule.Cycles.Select(cycle => new ReplannedCycleDocument
            {
                Number = cycle.Number,
                NominalStart = cycle.NominalStart,
                Rescheduled = cycle.IsRescheduled,
                Start = cycle.Start.ToOffsetDateTime(),
                WindowEnd = cycle.WindowEnd.ToOffsetDateTime(),
                DosesGiven = cycle.DosesGiven,
                DosesHeld = cycle.DosesHeld,
                DosesStopped = cycle.DosesStopped,
                EndReason = cycle.EndReason == CycleEndReason.None ? null : Camel(cycle.EndReason.ToString()),
            })],
            Doses = [.. schedule.Cycles.SelectMany(cycle => cycle.Slots.Select((slot, index) => new ReplannedDoseDocument
            {
                Number = slot.Number,
                Cycle = slot.CycleNumber,
                NumberInCycle = index + 1,
                Slot = slot.Slot,
                Status = slot.Status.ToString().ToLowerInvariant(),
                Due = slot.Due.ToOffsetDateTime(),
                Start = slot.Start.ToOffsetDateTime(),
                End = slot.End.ToOffsetDateTime(),
                GivenStart = slot.GivenStart?.ToOffsetDateTime(),
                GivenEnd = slot.GivenEnd?.ToOffsetDateTime(),
                HeldReason = slot.HeldReason,
                StoppedEnd = slot.StoppedEnd?.ToOffsetDateTime(),
                StopReason = slot.StopReason,
                EventId = slot.EventId,
                DoseIu = plan.DoseAmount?.InternationalUnits,
                DoseMg = plan.DoseAmount?.Milligrams,
                Vials = plan.DoseAmount?.Vials,
                DiluentMl = plan.DoseAmount?.DiluentMilliliters,
                ConcentrationMgPerMl = plan.DoseAmount?.ConcentrationMilligramsPerMilliliter,
                DilutionWarning = plan.DoseAmount?.ConcentrationWarning,
            }))],
            CourseEnd = schedule.CourseEnd?.ToOffsetDateTime(),
            CourseEndDate = schedule.CourseEndDate,
            ImagingDate = schedule.ResponseAssessmentDate,
            ImagingDateUnadjusted = schedule.ResponseAssessmentDateUnadjusted,
            NextCourseWindow = CourseScheduleJson.ToDocument(window?.Dates),
            NextCourseWindowUnadjusted = CourseScheduleJson.ToDocument(schedule.NextCourseWindowUnadjusted?.Dates),
            NextCourseWindowReasons = window is null ? null : CourseScheduleJson.ToText(window.Reasons),
            NextCourseWindowNote = window?.Note,
            GivenCourseIu = schedule.GivenCourseInternationalUnits,
            GivenCourseMg = schedule.GivenCourseMilligrams,
            ProjectedCourseIu = schedule.ProjectedCourseInternationalUnits,
            Superseded = schedule.Superseded.Count == 0 ? null : [.. schedule.Superseded.Select(superseded => new SupersededDocument
            {
                Event = EventNode(superseded.Event, zone),
                CorrectedBy = EventNode(superseded.Correction, zone),
                Description = superseded.Description,
            })],
            Status = status is null ? null : new StatusDocument
            {
                At = status.At.InZone(zone).ToOffsetDateTime(),
                NextDue = status.NextDue is { } next ? Reference(next) : null,
                Overdue = [.. status.Overdue.Select(Reference)],
            },
        };
    }

    private static SlotReferenceDocument Reference(DoseSlot slot) =>
        new() { Cycle = slot.CycleNumber, Slot = slot.Slot, Due = slot.Due.ToOffsetDateTime() };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
