using System;
using System.Collections.Generic;
using System.Linq;
using Hl7.Fhir.Model;
using IL2Schedule.Records;
using ZonedDateTime = NodaTime.ZonedDateTime;

namespace IL2Schedule.Fhir;

/// <summary>
/// The recorded dose events of a course as FHIR R4 MedicationAdministrations
/// (medicationadministration.html), one per event in <see cref="CourseRecord.Events"/> order.
/// </summary>
/// <remarks>
/// Status (R4 value set medication-admin-status): a given dose is <c>completed</c>, whatever its
/// recorded end (a <see cref="DoseGiven"/> is a full dose); a stopped infusion (<see cref="DoseStopped"/>)
/// is <c>stopped</c> with <c>effectivePeriod</c> from its start to its actual end and
/// <c>statusReason.text</c> the recorded reason; a held dose is <c>not-done</c> with <c>statusReason.text</c> the recorded reason; an event that a
/// later <see cref="Corrected"/> replaces is <c>entered-in-error</c>, keeping its values so that it
/// reads back. Cycle stops, course stops, reschedules and discharges are not administrations and
/// are not written.
/// </remarks>
internal static class AdministrationExport
{
    internal static List<MedicationAdministration> Build(CourseRecord record, string patientReference, CourseIds ids)
    {
        var events = record.Events;
        var administrations = new List<MedicationAdministration>();
        for (int i = 0; i < events.Count; i++)
        {
            var courseEvent = events[i];
            var content = courseEvent is Corrected correction ? correction.Replacement : courseEvent;
            if (courseEvent is Corrected corrected && IsDose(Replaced(events, i, corrected)) != IsDose(content))
            {
                throw new ArgumentException(
                    $"record's correction {corrected.Id ?? "(no id)"} replaces event {corrected.CorrectedEventId} with a {content.Kind}; a MedicationAdministration cannot express a correction between a dose and another kind of event",
                    nameof(record));
            }
            if (!IsDose(content))
            {
                continue;
            }
            string? effectiveId = courseEvent is Corrected c ? c.CorrectedEventId : courseEvent.Id;
            bool superseded = effectiveId is not null
                && events.Skip(i + 1).OfType<Corrected>().Any(later => later.CorrectedEventId == effectiveId);
            administrations.Add(Administration(record, courseEvent, content, superseded, patientReference, ids, ids.Administration(i)));
        }
        return administrations;
    }

    private static bool IsDose(CourseEvent courseEvent) => courseEvent is DoseGiven or DoseStopped or DoseHeld;

    /// <summary>The event a correction at <paramref name="index"/> replaces: the latest earlier one with its id in effect.</summary>
    private static CourseEvent Replaced(IReadOnlyList<CourseEvent> events, int index, Corrected correction)
    {
        for (int j = index - 1; j >= 0; j--)
        {
            if (events[j] is Corrected earlier && earlier.CorrectedEventId == correction.CorrectedEventId)
            {
                return earlier.Replacement;
            }
            if (events[j] is not Corrected && events[j].Id == correction.CorrectedEventId)
            {
                return events[j];
            }
        }
        throw new InvalidOperationException($"the record holds no event {correction.CorrectedEventId} before its correction");
    }

    private static MedicationAdministration Administration(
        CourseRecord record, CourseEvent courseEvent, CourseEvent content, bool superseded, string patientReference, CourseIds ids, string id)
    {
        var zone = record.Plan.Zone;
        var (cycle, slot) = content switch
        {
            DoseGiven given => (given.Cycle, given.Slot),
            DoseHeld held => (held.Cycle, held.Slot),
            DoseStopped stopped => (stopped.Cycle, stopped.Slot),
            _ => throw new InvalidOperationException("only dose events are administrations"),
        };
        var administration = new MedicationAdministration
        {
            Id = id,
            Identifier = [CourseIds.Identifier(id)],
            Medication = new CodeableConcept { Text = PlanResources.MedicationText },
            Subject = new ResourceReference(patientReference),
            Request = CourseIds.Reference(ids.Cycle(cycle)),
        };
        if (content is DoseGiven dose)
        {
            administration.Status = superseded ? MedicationAdministration.MedicationAdministrationStatusCodes.EnteredInError
                : MedicationAdministration.MedicationAdministrationStatusCodes.Completed;
            administration.Effective = new Period { StartElement = FhirText.Of(dose.Start, zone), EndElement = dose.End is { } e ? FhirText.Of(e, zone) : null };
        }
        else if (content is DoseStopped stopped)
        {
            administration.Status = superseded ? MedicationAdministration.MedicationAdministrationStatusCodes.EnteredInError
                : MedicationAdministration.MedicationAdministrationStatusCodes.Stopped;
            administration.StatusReason = [new CodeableConcept { Text = stopped.Reason }];
            administration.Effective = new Period { StartElement = FhirText.Of(stopped.Start, zone), EndElement = FhirText.Of(stopped.End, zone) };
        }
        else if (content is DoseHeld held)
        {
            administration.Status = superseded ? MedicationAdministration.MedicationAdministrationStatusCodes.EnteredInError
                : MedicationAdministration.MedicationAdministrationStatusCodes.NotDone;
            administration.StatusReason = [new CodeableConcept { Text = held.Reason }];
            administration.Effective = FhirText.Of(DueTime(record, held.Cycle, held.Slot));
        }
        administration.Extension.Add(EventExtension(courseEvent, content, cycle, slot));
        return administration;
    }

    /// <summary>
    /// When a held slot was due: its due time in the re-planned schedule (<see cref="DoseSlot.Due"/>),
    /// or, for a replaced held event whose slot the schedule no longer lists, its cycle's start.
    /// </summary>
    private static ZonedDateTime DueTime(CourseRecord record, int cycle, int slot) =>
        record.Schedule.Slots.FirstOrDefault(s => s.CycleNumber == cycle && s.Slot == slot)?.Due
        ?? record.Schedule.Cycles[cycle - 1].Start;

    private static Extension EventExtension(CourseEvent courseEvent, CourseEvent content, int cycle, int slot)
    {
        var extension = new Extension { Url = FhirUrls.CourseEvent };
        extension.Extension.Add(new Extension("cycle", new PositiveInt(cycle)));
        extension.Extension.Add(new Extension("slot", new PositiveInt(slot)));
        if (content.Id is { } eventId)
        {
            extension.Extension.Add(new Extension("eventId", new FhirString(eventId)));
        }
        if (courseEvent is Corrected correction)
        {
            extension.Extension.Add(new Extension("corrects", new FhirString(correction.CorrectedEventId)));
            if (correction.Id is { } correctionId)
            {
                extension.Extension.Add(new Extension("correctionId", new FhirString(correctionId)));
            }
        }
        return extension;
    }
}
