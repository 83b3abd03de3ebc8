using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Hl7.Fhir.Model;
using Duration = NodaTime.Duration;

namespace IL2Schedule.Fhir;

/// <summary>
/// The FHIR R4 resources of a planned course: one CarePlan, one MedicationRequest per cycle and
/// the two follow-up ServiceRequests. Every instant and date is read from the
/// <see cref="CourseSchedule"/>; nothing is computed here.
/// </summary>
internal static class PlanResources
{
    /// <summary>The medication, as text: aldesleukin (Proleukin label, "Description").</summary>
    internal const string MedicationText = "aldesleukin (Proleukin)";

    /// <summary>The UCUM system for quantities (FHIR R4, datatypes.html#Quantity; terminologies-systems.html).</summary>
    internal const string Ucum = "http://unitsofmeasure.org";

    /// <summary>The resources in bundle order: CarePlan, the cycles' MedicationRequests, imaging, next course.</summary>
    internal static List<DomainResource> Build(CourseSchedule plan, string patientReference, CourseIds ids, int courseNumber)
    {
        var resources = new List<DomainResource> { CarePlan(plan, patientReference, ids, courseNumber) };
        resources.AddRange(plan.Cycles.Select(cycle => MedicationRequest(plan, cycle, patientReference, ids)));
        resources.Add(Imaging(plan, patientReference, ids));
        resources.Add(NextCourse(plan, patientReference, ids));
        return resources;
    }

    /// <summary>
    /// CarePlan (FHIR R4 careplan.html): status active, intent plan, period from the first dose's
    /// start to <see cref="CourseSchedule.CourseEnd"/>, an activity referring to each cycle's
    /// MedicationRequest (whose timing holds the cycle window), then the imaging and next-course requests.
    /// </summary>
    private static CarePlan CarePlan(CourseSchedule plan, string patientReference, CourseIds ids, int courseNumber)
    {
        var carePlan = new CarePlan
        {
            Id = ids.CarePlan,
            Identifier = [CourseIds.Identifier(ids.CarePlan)],
            Status = RequestStatus.Active,
            Intent = Hl7.Fhir.Model.CarePlan.CarePlanIntent.Plan,
            Title = string.Create(CultureInfo.InvariantCulture, $"High-dose aldesleukin, course {courseNumber}"),
            Subject = new ResourceReference(patientReference),
            Period = new Period(FhirText.Of(plan.Doses[0].Start), FhirText.Of(plan.CourseEnd)),
        };
        carePlan.Activity.AddRange(plan.Cycles.Select(cycle => Activity(ids.Cycle(cycle.Number))));
        carePlan.Activity.Add(Activity(ids.Imaging));
        carePlan.Activity.Add(Activity(ids.NextCourse));
        return carePlan;
    }

    private static Hl7.Fhir.Model.CarePlan.ActivityComponent Activity(string id) => new() { Reference = CourseIds.Reference(id) };

    /// <summary>
    /// MedicationRequest (FHIR R4 medicationrequest.html) for one cycle: aldesleukin as text,
    /// based on the CarePlan, with one dosage instruction whose <see cref="CycleTiming"/> carries the
    /// rule and every concrete dose start, and whose dose is per kg or, with a body weight, in IU.
    /// With a body weight whose final concentration is outside the label's 0.03–0.07 mg/mL (label
    /// section 2.5), the dosage text ends with the warning (<see cref="DoseAmount.ConcentrationWarning"/>).
    /// </summary>
    private static MedicationRequest MedicationRequest(CourseSchedule plan, CycleSchedule cycle, string patientReference, CourseIds ids)
    {
        var protocol = plan.Protocol;
        string id = ids.Cycle(cycle.Number);
        var dosage = new Dosage
        {
            Sequence = 1,
            Text = string.Create(CultureInfo.InvariantCulture,
                $"{protocol.DoseInternationalUnitsPerKilogram:N0} IU/kg intravenously over {protocol.InfusionDuration.TotalMinutes:0.##} minutes every {protocol.DosingInterval.TotalHours:0.##} hours; {cycle.Doses.Count} doses in cycle {cycle.Number}{(plan.DoseAmount?.ConcentrationWarning is { } warning ? "; warning: " + warning : "")}"),
            Timing = CycleTiming(plan, cycle),
            Route = new CodeableConcept { Text = "intravenous" },
        };
        dosage.DoseAndRate.Add(new Dosage.DoseAndRateComponent { Dose = DoseQuantity(plan) });
        return new MedicationRequest
        {
            Id = id,
            Identifier = [CourseIds.Identifier(id)],
            Status = Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus.Active,
            Intent = Hl7.Fhir.Model.MedicationRequest.MedicationRequestIntent.Plan,
            Medication = new CodeableConcept { Text = MedicationText },
            Subject = new ResourceReference(patientReference),
            BasedOn = [CourseIds.Reference(ids.CarePlan)],
            DosageInstruction = [dosage],
        };
    }

    /// <summary>
    /// The cycle's Timing (FHIR R4 datatypes.html#Timing): <c>event</c> = every planned dose start of
    /// the cycle (<see cref="CycleSchedule.Doses"/>); <c>repeat</c> = <c>boundsPeriod</c> the cycle
    /// window [<see cref="CycleSchedule.Start"/>, <see cref="CycleSchedule.WindowEnd"/>) (the end is
    /// the window's exclusive end; no dose starts at it), <c>count</c> the planned doses,
    /// <c>frequency</c> 1 per <c>period</c> the dosing interval, <c>duration</c> the infusion; the
    /// extension timing-exact (true) on <c>repeat</c> and the extension timezone (the IANA id) on the Timing.
    /// </summary>
    /// <remarks>
    /// The interval and infusion are the protocol's (8 h and 15 min for the label, section 2.1), in
    /// hours when whole, otherwise minutes (UnitsOfTime, FHIR R4 valueset-units-of-time). R4's Timing
    /// invariants hold: tim-1 and tim-2 as every duration and period has its unit, tim-4 and tim-5 as
    /// neither is negative, tim-6 to tim-10 as no maximum, offset, <c>when</c> or <c>timeOfDay</c> is written (R4 has no tim-3).
    /// </remarks>
    internal static Timing CycleTiming(CourseSchedule plan, CycleSchedule cycle)
    {
        var protocol = plan.Protocol;
        var (period, periodUnit) = InUnits(protocol.DosingInterval);
        var (duration, durationUnit) = InUnits(protocol.InfusionDuration);
        var repeat = new Timing.RepeatComponent
        {
            Bounds = new Period(FhirText.Of(cycle.Start), FhirText.Of(cycle.WindowEnd)),
            Count = cycle.Doses.Count,
            Duration = duration,
            DurationUnit = durationUnit,
            Frequency = 1,
            Period = period,
            PeriodUnit = periodUnit,
        };
        repeat.Extension.Add(new Extension(FhirUrls.TimingExact, new FhirBoolean(true)));
        var timing = new Timing { Repeat = repeat };
        timing.EventElement.AddRange(cycle.Doses.Select(dose => FhirText.Of(dose.Start)));
        timing.Extension.Add(new Extension(FhirUrls.Timezone, new Code(plan.ZoneId)));
        return timing;
    }

    private static (decimal Value, Timing.UnitsOfTime Unit) InUnits(Duration duration) =>
        duration.TotalMinutes % 60 == 0
            ? ((decimal)duration.TotalHours, Timing.UnitsOfTime.H)
            : ((decimal)duration.TotalMinutes, Timing.UnitsOfTime.Min);

    /// <summary>
    /// The dose: the protocol's IU per kg as UCUM <c>[iU]/kg</c>, or with a body weight
    /// <see cref="DoseAmount.InternationalUnits"/> as <c>[iU]</c> (UCUM: [iU], the international unit).
    /// </summary>
    private static Quantity DoseQuantity(CourseSchedule plan) =>
        plan.DoseAmount is { } amount
            ? new Quantity { Value = amount.InternationalUnits, Unit = "[iU]", System = Ucum, Code = "[iU]" }
            : new Quantity { Value = plan.Protocol.DoseInternationalUnitsPerKilogram, Unit = "[iU]/kg", System = Ucum, Code = "[iU]/kg" };

    /// <summary>
    /// The response-imaging ServiceRequest (FHIR R4 servicerequest.html): <c>occurrenceDateTime</c> =
    /// <see cref="CourseSchedule.ResponseAssessmentDate"/> (a date; the label's "Retreatment" section).
    /// </summary>
    private static ServiceRequest Imaging(CourseSchedule plan, string patientReference, CourseIds ids) => new()
    {
        Id = ids.Imaging,
        Identifier = [CourseIds.Identifier(ids.Imaging)],
        Status = RequestStatus.Active,
        Intent = RequestIntent.Plan,
        Code = new CodeableConcept { Text = "Response assessment imaging after the course" },
        Subject = new ResourceReference(patientReference),
        BasedOn = [CourseIds.Reference(ids.CarePlan)],
        Occurrence = FhirText.Of(plan.ResponseAssessmentDate),
    };

    /// <summary>
    /// The next-course ServiceRequest: <c>occurrencePeriod</c> = <see cref="NextCourseWindow.Dates"/>
    /// (both ends inclusive dates, as FHIR R4 Period ends are); when the window is empty, no occurrence
    /// and <see cref="NextCourseWindow.Note"/> as a note.
    /// </summary>
    private static ServiceRequest NextCourse(CourseSchedule plan, string patientReference, CourseIds ids)
    {
        var window = plan.NextCourseWindow;
        var request = new ServiceRequest
        {
            Id = ids.NextCourse,
            Identifier = [CourseIds.Identifier(ids.NextCourse)],
            Status = RequestStatus.Active,
            Intent = RequestIntent.Plan,
            Code = new CodeableConcept { Text = "Next course of high-dose aldesleukin, if indicated" },
            Subject = new ResourceReference(patientReference),
            BasedOn = [CourseIds.Reference(ids.CarePlan)],
        };
        if (window.Dates is { } dates)
        {
            request.Occurrence = new Period(FhirText.Of(dates.Start), FhirText.Of(dates.End));
        }
        else
        {
            request.Note.Add(new Annotation { Text = new Markdown(window.Note ?? "The next-course window is empty.") });
        }
        return request;
    }
}
