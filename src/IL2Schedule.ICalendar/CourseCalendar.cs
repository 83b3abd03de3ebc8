using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IL2Schedule.Records;
using NodaTime;
using NodaTime.Text;
using Calendar = Ical.Net.Calendar;

namespace IL2Schedule.ICalendar;

/// <summary>
/// Writes a planned or recorded course as an iCalendar document (.ics, RFC 5545) that calendar
/// applications import: one event per dose, an all-day event for the imaging date and one spanning
/// the next-course window, and a <c>VTIMEZONE</c> for the course's zone built from tzdb.
/// </summary>
/// <remarks>
/// <para>
/// The document is a <c>VCALENDAR</c> with <c>PRODID</c>, <c>VERSION:2.0</c> and <c>METHOD:PUBLISH</c>
/// (RFC 5546 §3.2.1). Each dose is a <c>VEVENT</c> (§3.6.1) whose <c>DTSTART;TZID=</c> is the dose's
/// local start in the course's IANA zone and whose <c>DURATION</c> is the infusion's elapsed time
/// (<c>PT15M</c>), summarised "Aldesleukin dose n (cycle c, dose k)". A local time that the zone
/// repeats (the autumn overlap) is written in UTC instead (§3.3.5 form 2), because a TZID time there
/// means the first occurrence (§3.3.5) and ical.js takes the second; times are to the second.
/// The imaging date and the next-course window are all-day events (<c>VALUE=DATE</c>) whose
/// <c>DTEND</c> is the day after the last day, since it is exclusive (§3.6.1), marked
/// <c>TRANSP:TRANSPARENT</c>; an empty window has no event. <c>DTSTAMP</c> (§3.8.7.2) is the
/// instant the caller passes or its clock reads, never the machine's clock.
/// </para>
/// <para>
/// UIDs (§3.8.4.7) are stable: <c>il2schedule-{course}-cycle{c}-dose{k}</c> for dose k of cycle c
/// (a slot, for a recorded course), <c>il2schedule-{course}-imaging</c> and
/// <c>il2schedule-{course}-next-course-window</c>, where {course} is the caller's course id, or by
/// default the requested first dose and the zone (<c>20270310T0800-America/New_York</c>). The same
/// course therefore gives the same UIDs on every export, so an application updates its events.
/// Two patients whose courses start at the same time in the same zone get the same default UIDs:
/// give each course its own id (an opaque one, not a name or record number) when several share a
/// calendar.
/// </para>
/// <para>
/// A recorded course keeps those UIDs and raises <c>SEQUENCE</c> (§3.8.7.4) to the number of events
/// recorded (the plan's is 0), so each new event supersedes the previous export. A given dose is at
/// its recorded start and lasts until its recorded end; an infusion stopped early lasts from its
/// recorded start to its actual end, confirmed, and its description says when it was stopped and
/// why; a held, skipped or cancelled slot keeps its
/// due time with <c>STATUS:CANCELLED</c> (§3.8.1.11); a planned slot is at its re-planned due time.
/// The writer maps the library's results and never computes a dose time or date itself.
/// </para>
/// <para>
/// Ical.Net writes the document: it escapes text (<c>\\</c>, <c>\;</c>, <c>\,</c>, <c>\n</c>, §3.3.11),
/// ends lines with CRLF and folds them at 75 octets of UTF-8 without splitting a character (§3.1).
/// The <c>VTIMEZONE</c>'s observances are this package's own (see the remarks of
/// <c>TimeZoneDefinition</c> in the source): Ical.Net's constructor writes none, and its
/// <c>FromDateTimeZone</c> infers a yearly rule instead of listing tzdb's transitions.
/// </para>
/// </remarks>
public static class CourseCalendar
{
    /// <summary>The <c>PRODID</c> of every document (RFC 5545 §3.7.3).</summary>
    public const string ProductId = "-//IL2Schedule//IL2Schedule.ICalendar//EN";

    private static readonly OffsetDateTimePattern ClockText = OffsetDateTimePattern.CreateWithInvariantCulture("HH':'mm o<m>");

    private static readonly OffsetDateTimePattern OffsetText = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<m>");

    /// <summary>Writes a planned course as an iCalendar document.</summary>
    /// <param name="course">The planned course.</param>
    /// <param name="stamp">
    /// The instant the document is made, written as every event's <c>DTSTAMP</c> (UTC, to the
    /// second); take it from an <see cref="IClock"/> (<c>clock.GetCurrentInstant()</c>).
    /// </param>
    /// <param name="courseId">
    /// The course's part of every UID: 1 to 100 characters, none of them white space or control
    /// characters; null for the default (the requested first dose and the zone id).
    /// </param>
    /// <returns>The document: CRLF line ends, folded, UTF-8 text when encoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="course"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="courseId"/> is empty, longer than 100 characters or has white space or a control character.</exception>
    public static string Export(CourseSchedule course, Instant stamp, string? courseId)
    {
        ArgumentNullException.ThrowIfNull(course);
        string key = CourseKey(course, courseId);
        var writer = new Writer(course, stamp, key, sequence: 0);
        foreach (var dose in course.Doses)
        {
            writer.Dose(dose.CycleNumber, dose.NumberInCycle, dose.Number, dose.Start, dose.End, cancelled: false, status: null,
                $"Intravenous infusion from {Text(dose.Start)} to {Text(dose.End)}." + Warning(course.DoseAmount));
        }
        writer.Imaging(course.ResponseAssessmentDate, cancelled: false);
        writer.Window(course.NextCourseWindow, cancelled: false);
        return writer.Finish();
    }

    /// <summary>
    /// Writes a recorded course as an iCalendar document with the plan's UIDs and a higher
    /// <c>SEQUENCE</c>: given and stopped doses at their recorded times, held, skipped and cancelled slots
    /// cancelled, planned slots at their re-planned times.
    /// </summary>
    /// <param name="schedule">The re-planned schedule (<see cref="CourseRecord.Schedule"/> or a status's schedule).</param>
    /// <param name="stamp">The instant the document is made, written as every event's <c>DTSTAMP</c>.</param>
    /// <param name="courseId">The course's part of every UID, or null; pass the one the plan was exported with.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="schedule"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="courseId"/> is not a valid course id.</exception>
    /// <remarks>
    /// A follow-up event that the plan has but the record no longer has (a course stopped before
    /// any dose has no course end; a discharge can empty the window) is written cancelled at the
    /// plan's dates, so an application that imported the plan removes it.
    /// </remarks>
    public static string Export(ReplannedSchedule schedule, Instant stamp, string? courseId)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var plan = schedule.Record.Plan;
        var writer = new Writer(plan, stamp, CourseKey(plan, courseId), schedule.Record.Events.Count);
        foreach (var slot in schedule.Slots)
        {
            string status = slot.Status.ToString().ToLowerInvariant();
            string description = slot.Status switch
            {
                DoseSlotStatus.Given => $"Given from {Text(slot.Start)} to {Text(slot.End)}.",
                DoseSlotStatus.Held => $"Held ({slot.HeldReason}); it was due at {Text(slot.Due)}.",
                DoseSlotStatus.Stopped => $"Stopped at {ClockText.Format(slot.End.ToOffsetDateTime())} ({slot.StopReason}), before its planned end: the infusion ran from {Text(slot.Start)} to {Text(slot.End)}.",
                DoseSlotStatus.Planned => $"Planned intravenous infusion from {Text(slot.Start)} to {Text(slot.End)}." + Warning(plan.DoseAmount),
                _ => $"Not given ({status}); it was due at {Text(slot.Due)}.",
            };
            writer.Dose(slot.CycleNumber, slot.Slot, slot.Number, slot.Start, slot.End,
                cancelled: slot.Status is DoseSlotStatus.Held or DoseSlotStatus.Skipped or DoseSlotStatus.Cancelled,
                status: slot.Status == DoseSlotStatus.Planned ? null : status,
                description);
        }
        writer.Imaging(schedule.ResponseAssessmentDate ?? plan.ResponseAssessmentDate, cancelled: schedule.ResponseAssessmentDate is null);
        bool hasWindow = schedule.NextCourseWindow is { IsEmpty: false };
        writer.Window(hasWindow ? schedule.NextCourseWindow! : plan.NextCourseWindow, cancelled: !hasWindow);
        return writer.Finish();
    }


    private static string CourseKey(CourseSchedule course, string? courseId)
    {
        if (courseId is null)
        {
            var first = course.RequestedFirstDose;
            return string.Create(CultureInfo.InvariantCulture, $"{first.Year:D4}{first.Month:D2}{first.Day:D2}T{first.Hour:D2}{first.Minute:D2}-{course.ZoneId}");
        }
        if (courseId.Length is 0 or > 100 || courseId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"courseId must be 1 to 100 characters without white space or control characters; was '{courseId}'", nameof(courseId));
        }
        return courseId;
    }

    /// <summary>
    /// " Warning: ..." for a dose whose final concentration is outside the label's 0.03–0.07 mg/mL
    /// (label section 2.5; <see cref="DoseAmount.ConcentrationWarning"/>), or "" (no weight, or in range).
    /// </summary>
    private static string Warning(DoseAmount? amount) => amount?.ConcentrationWarning is { } warning ? $" Warning: {warning}." : "";

    private static string Text(ZonedDateTime time) => OffsetText.Format(time.ToOffsetDateTime());

    private static string Text(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Collects the events of one document and the span its <c>VTIMEZONE</c> must cover.</summary>
    private sealed class Writer(CourseSchedule course, Instant stamp, string key, int sequence)
    {
        private readonly List<CalendarEvent> events = [];
        private readonly List<Instant> instants = [];

        internal void Dose(int cycle, int numberInCycle, int number, ZonedDateTime start, ZonedDateTime end, bool cancelled, string? status, string description)
        {
            var startSecond = Truncate(start.ToInstant());
            var endSecond = Truncate(end.ToInstant());
            instants.Add(startSecond);
            instants.Add(endSecond);
            string summary = string.Create(CultureInfo.InvariantCulture, $"Aldesleukin dose {number} (cycle {cycle}, dose {numberInCycle})");
            events.Add(new CalendarEvent
            {
                Uid = string.Create(CultureInfo.InvariantCulture, $"il2schedule-{key}-cycle{cycle}-dose{numberInCycle}"),
                DtStart = StartValue(startSecond),
                Duration = Ical.Net.DataTypes.Duration.FromTimeSpanExact((endSecond - startSecond).ToTimeSpan()),
                Summary = status is null ? summary : $"{summary}: {status}",
                Description = description,
                Status = cancelled ? "CANCELLED" : "CONFIRMED",
            });
        }

        internal void Imaging(LocalDate imaging, bool cancelled) =>
            AllDay("imaging", "Response imaging after the aldesleukin course", imaging, imaging, cancelled,
                $"Response assessment (imaging) on {Text(imaging)}, counted from the course end date.");

        /// <summary>The next-course window's event; none for an empty window.</summary>
        internal void Window(NextCourseWindow window, bool cancelled)
        {
            if (window.Dates is { } dates)
            {
                AllDay("next-course-window", $"Next aldesleukin course may start: {Text(dates.Start)} to {Text(dates.End)}", dates.Start, dates.End, cancelled,
                    $"The next course may start on any day from {Text(dates.Start)} to {Text(dates.End)}, both inclusive." + (window.Note is { } note ? " " + note : ""));
            }
        }

        internal string Finish()
        {
            var calendar = new Calendar { ProductId = ProductId, Version = "2.0", Method = "PUBLISH" };
            calendar.AddTimeZone(TimeZoneDefinition.Build(course.Zone, course.ZoneId, instants.Min(), instants.Max()));
            var stampSecond = Truncate(stamp).InUtc().LocalDateTime;
            foreach (var calendarEvent in events)
            {
                calendarEvent.DtStamp = Utc(stampSecond);
                calendarEvent.Sequence = sequence;
                calendar.Events.Add(calendarEvent);
            }
            return new CalendarSerializer().SerializeToString(calendar)
                ?? throw new InvalidOperationException("Ical.Net wrote no calendar");
        }

        private void AllDay(string name, string summary, LocalDate first, LocalDate last, bool cancelled, string description)
        {
            // DTEND of a date is exclusive (RFC 5545 §3.6.1): the day after the last day.
            var end = last == LocalDate.MaxIsoValue ? last : last.PlusDays(1);
            instants.Add(first.AtStartOfDayInZone(course.Zone).ToInstant());
            instants.Add(end.AtStartOfDayInZone(course.Zone).ToInstant());
            events.Add(new CalendarEvent
            {
                Uid = $"il2schedule-{key}-{name}",
                DtStart = new CalDateTime(new DateOnly(first.Year, first.Month, first.Day)),
                DtEnd = new CalDateTime(new DateOnly(end.Year, end.Month, end.Day)),
                Summary = summary,
                Description = description,
                Status = cancelled ? "CANCELLED" : "CONFIRMED",
                Transparency = "TRANSPARENT",
            });
        }

        /// <summary>A dose's instant as <c>DTSTART</c>: local time with the zone's TZID, or UTC where the zone repeats that local time.</summary>
        private CalDateTime StartValue(Instant instant)
        {
            var local = instant.InZone(course.Zone).LocalDateTime;
            return course.Zone.MapLocal(local).Count == 1
                ? new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, course.ZoneId)
                : Utc(instant.InUtc().LocalDateTime);
        }

        private static CalDateTime Utc(LocalDateTime utc) =>
            new(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, CalDateTime.UtcTzId);

        // iCalendar DATE-TIME values have whole seconds (RFC 5545 §3.3.5).
        private static Instant Truncate(Instant instant) =>
            Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());
    }
}
