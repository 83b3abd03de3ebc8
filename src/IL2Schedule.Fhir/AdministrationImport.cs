using System;
using System.Collections.Generic;
using System.Linq;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using IL2Schedule.Records;
using Instant = NodaTime.Instant;
using Status = Hl7.Fhir.Model.MedicationAdministration.MedicationAdministrationStatusCodes;

namespace IL2Schedule.Fhir;

/// <summary>
/// MedicationAdministrations written by <see cref="AdministrationExport"/> (or by a system that keeps
/// their extension and request) read back as course events and applied all or nothing.
/// </summary>
/// <remarks>
/// Each administration must be for the mapper's patient (<c>subject.reference</c>), refer to the
/// MedicationRequest of the cycle that its course-event extension names (by <c>request.reference</c>
/// or <c>request.identifier</c>), and have a recorded outcome: <c>completed</c> is a
/// <see cref="DoseGiven"/> from <c>effectivePeriod</c> (a dateTime with seconds and an offset),
/// <c>stopped</c> a <see cref="DoseStopped"/> from <c>effectivePeriod</c> (its end required) with
/// <c>statusReason[0].text</c> as the reason, <c>not-done</c> a <see cref="DoseHeld"/> with
/// <c>statusReason[0].text</c> as the reason, <c>entered-in-error</c> the event as it was recorded
/// (a period with a status reason a stopped infusion, a period without one a given dose, a dateTime
/// a held dose), which a later administration of the input must correct. An extension <c>corrects</c> makes the
/// event a <see cref="Corrected"/>.
/// </remarks>
internal static class AdministrationImport
{
    internal static CourseRecord Apply(CourseRecord record, IEnumerable<MedicationAdministration> administrations, string patientReference, CourseIds ids)
    {
        var events = new List<(CourseEvent Event, string? ResourceId)>();
        var awaitingCorrection = new Dictionary<string, string?>();
        foreach (var administration in administrations)
        {
            var (courseEvent, effectiveId) = Read(administration, record.Plan, patientReference, ids);
            if (courseEvent is Corrected correction)
            {
                awaitingCorrection.Remove(correction.CorrectedEventId);
            }
            if (administration.Status == Status.EnteredInError)
            {
                awaitingCorrection[effectiveId ?? throw Fault(administration, "extension", "an entered-in-error administration needs an eventId (or corrects) sub-extension, so that a later administration can correct it")]
                    = administration.Id;
            }
            events.Add((courseEvent, administration.Id));
        }
        if (awaitingCorrection.Count > 0)
        {
            var (eventId, resourceId) = awaitingCorrection.First();
            throw new FhirMappingException(resourceId, "status", $"is entered-in-error, but no later administration in the input corrects event '{InputText.ForMessage(eventId)}'");
        }
        var result = record;
        foreach (var (courseEvent, resourceId) in events)
        {
            try
            {
                result = result.Apply(courseEvent);
            }
            catch (CourseEventRejectedException e)
            {
                throw new FhirMappingException(resourceId, ElementOf(e.Rule), e.Reason, e);
            }
        }
        return result;
    }

    private static (CourseEvent Event, string? EffectiveId) Read(MedicationAdministration administration, CourseSchedule plan, string patientReference, CourseIds ids)
    {
        var extension = administration.GetExtension(FhirUrls.CourseEvent)
            ?? throw Fault(administration, "extension", $"has no extension {FhirUrls.CourseEvent} naming the cycle and slot");
        int cycle = PositiveInt(administration, extension, "cycle");
        int slot = PositiveInt(administration, extension, "slot");
        string? eventId = Text(administration, extension, "eventId");
        string? corrects = Text(administration, extension, "corrects");
        string? correctionId = Text(administration, extension, "correctionId");
        if (administration.Subject?.Reference != patientReference)
        {
            throw Fault(administration, "subject", $"refers to '{InputText.ForMessage(administration.Subject?.Reference)}', not to the course's patient '{patientReference}'");
        }
        if (cycle > plan.Cycles.Count)
        {
            throw Fault(administration, "extension.cycle", $"is {cycle}, but the course has {plan.Cycles.Count} cycles");
        }
        string requestId = ids.Cycle(cycle);
        var request = administration.Request;
        bool refersToCycle = request is not null
            && (request.Reference == CourseIds.FullUrl(requestId) || request.Reference == "MedicationRequest/" + requestId
                || (request.Identifier?.System == CourseIds.UriSystem && request.Identifier.Value == CourseIds.FullUrl(requestId)));
        if (!refersToCycle)
        {
            throw Fault(administration, "request", $"does not refer to the MedicationRequest of cycle {cycle} ({CourseIds.FullUrl(requestId)}); was '{InputText.ForMessage(request?.Reference ?? request?.Identifier?.Value)}'");
        }
        CourseEvent content = administration.Status switch
        {
            Status.Completed => Given(administration, eventId, cycle, slot),
            Status.Stopped => Stopped(administration, eventId, cycle, slot),
            Status.NotDone => Held(administration, eventId, cycle, slot),
            Status.EnteredInError => administration.Effective is not Period ? Held(administration, eventId, cycle, slot)
                : administration.StatusReason.Count > 0 ? Stopped(administration, eventId, cycle, slot)
                : Given(administration, eventId, cycle, slot),
            var other => throw Fault(administration, "status",
                $"'{(other is { } status ? EnumUtility.GetLiteral(status) : "(absent)")}' is not a recorded outcome; expected completed, stopped, not-done or entered-in-error"),
        };
        if (corrects is null)
        {
            return (content, eventId);
        }
        try
        {
            return (new Corrected(correctionId, corrects, content), corrects);
        }
        catch (ArgumentException e)
        {
            throw Fault(administration, "extension.corrects", e.Message, e);
        }
    }

    private static DoseGiven Given(MedicationAdministration administration, string? eventId, int cycle, int slot)
    {
        var (start, end) = Times(administration);
        try
        {
            return new DoseGiven(eventId, cycle, slot, start, end);
        }
        catch (ArgumentException e)
        {
            throw Fault(administration, "effectivePeriod", e.Message, e);
        }
    }

    private static DoseStopped Stopped(MedicationAdministration administration, string? eventId, int cycle, int slot)
    {
        var (start, end) = Times(administration);
        if (end is not { } stoppedAt)
        {
            throw Fault(administration, "effectivePeriod.end", "a stopped infusion needs the time it was stopped");
        }
        string? reason = administration.StatusReason.FirstOrDefault()?.Text;
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw Fault(administration, "statusReason", "a stopped infusion needs statusReason[0].text, the reason it was stopped");
        }
        try
        {
            return new DoseStopped(eventId, cycle, slot, start, stoppedAt, reason);
        }
        catch (ArgumentException e)
        {
            throw Fault(administration, "effectivePeriod", e.Message, e);
        }
    }

    /// <summary>The start and, if present, the end of an administration's <c>effectivePeriod</c>.</summary>
    private static (Instant Start, Instant? End) Times(MedicationAdministration administration)
    {
        if (administration.Effective is not Period period)
        {
            throw Fault(administration, "effective[x]", "a given or stopped dose needs effectivePeriod with its start");
        }
        var start = FhirText.ReadInstant(period.Start)
            ?? throw Fault(administration, "effectivePeriod.start", $"must be a dateTime with seconds and an offset, like 2027-03-10T08:00:00-05:00; was '{InputText.ForMessage(period.Start)}'");
        Instant? end = period.End is null ? null
            : FhirText.ReadInstant(period.End) ?? throw Fault(administration, "effectivePeriod.end", $"must be a dateTime with seconds and an offset, like 2027-03-10T08:15:00-05:00; was '{InputText.ForMessage(period.End)}'");
        return (start, end);
    }

    private static DoseHeld Held(MedicationAdministration administration, string? eventId, int cycle, int slot)
    {
        string? reason = administration.StatusReason.FirstOrDefault()?.Text;
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw Fault(administration, "statusReason", "a dose not given needs statusReason[0].text, the reason it was withheld");
        }
        return new DoseHeld(eventId, cycle, slot, reason);
    }

    private static int PositiveInt(MedicationAdministration administration, Extension extension, string name) =>
        extension.GetExtension(name)?.Value is PositiveInt { Value: { } value } && value >= 1
            ? value
            : throw Fault(administration, "extension." + name, $"must be a valuePositiveInt; was '{InputText.ForMessage(extension.GetExtension(name)?.Value?.ToString())}'");

    private static string? Text(MedicationAdministration administration, Extension extension, string name) =>
        extension.GetExtension(name) switch
        {
            null => null,
            { Value: FhirString { Value: { Length: > 0 } value } } when value.Trim() == value => value,
            var other => throw Fault(administration, "extension." + name, $"must be a non-empty valueString without surrounding spaces; was '{InputText.ForMessage(other.Value?.ToString())}'"),
        };

    /// <summary>The element a rejection by the course's rules is about.</summary>
    private static string ElementOf(CourseEventRule rule) => rule switch
    {
        CourseEventRule.UnknownCycle => "extension.cycle",
        CourseEventRule.UnknownSlot or CourseEventRule.AlreadyRecorded or CourseEventRule.BeyondCap => "extension.slot",
        CourseEventRule.IdAlreadyUsed => "extension.eventId",
        CourseEventRule.UnknownCorrectedEvent => "extension.corrects",
        CourseEventRule.StopNotBeforeInfusionEnd => "effectivePeriod.end",
        _ => "effective[x]",
    };

    private static FhirMappingException Fault(MedicationAdministration administration, string element, string reason, Exception? inner = null) =>
        new(administration.Id ?? "(no id)", element, reason, inner);
}
