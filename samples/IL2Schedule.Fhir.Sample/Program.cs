// Plans the README's worked example, writes it as the FHIR transaction an integration would post
// to the EHR, reads back the MedicationAdministrations the ward charted (ehr-administrations.json:
// slot 1 given at 08:05, slot 2 held for hypotension, slot 3 given late at 00:30) and prints the
// re-planned course. Usage: IL2Schedule.Fhir.Sample [FOLDER] (where the bundle is written; default .).
using System;
using System.IO;
using System.Linq;
using Hl7.Fhir.Model;
using IL2Schedule;
using IL2Schedule.Fhir;
using IL2Schedule.Records;
using NodaTime;
using NodaTime.Text;

var timeText = ZonedDateTimePattern.CreateWithInvariantCulture("ddd uuuu'-'MM'-'dd HH':'mm o<+HH:mm>", null);
string folder = args.Length > 0 ? args[0] : ".";

CourseSchedule plan = new CoursePlanner().Plan(new LocalDateTime(2027, 3, 10, 8, 0), "America/New_York");
var mapper = new FhirCourseMapper("Patient/example");

// 1. The course as a transaction: posting it twice creates nothing new (conditional create).
Bundle transaction = mapper.ToTransaction(plan);
string bundlePath = Path.Combine(folder, "course-transaction.json");
File.WriteAllText(bundlePath, FhirCourseMapper.Serialize(transaction));
Console.WriteLine($"Wrote {bundlePath}: {transaction.Entry.Count} resources");
foreach (var request in transaction.Entry.Select(entry => entry.Resource).OfType<MedicationRequest>())
{
    var timing = request.DosageInstruction[0].Timing!;
    Console.WriteLine($"  MedicationRequest {request.Id}: {timing.EventElement.Count} doses, {timing.EventElement[0].Value} to {timing.EventElement[^1].Value}");
}

// 2. What the ward charted, read back as course events (all or nothing).
string charted = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ehr-administrations.json"));
CourseRecord record;
try
{
    record = mapper.ApplyAdministrations(CourseRecord.Start(plan), charted);
}
catch (FhirMappingException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

// 3. The re-planned course.
Console.WriteLine(record);
foreach (var slot in record.Schedule.Cycles[0].Slots.Take(5))
{
    string note = slot.GivenStart is { } start ? "given " + timeText.Format(start)
        : slot.StoppedEnd is { } stoppedAt ? $"started {timeText.Format(slot.Start)}, stopped {timeText.Format(stoppedAt)} ({slot.StopReason})"
        : slot.HeldReason ?? "";
    Console.WriteLine($"  cycle 1 slot {slot.Slot}: {slot.Status.ToString().ToLowerInvariant(),-8} due {timeText.Format(slot.Due)} {note}".TrimEnd());
}
Console.WriteLine($"Response imaging on {record.Schedule.ResponseAssessmentDate:uuuu-MM-dd}; next course from {record.Schedule.NextCourseWindow?.Dates?.Start:uuuu-MM-dd}");
return 0;
