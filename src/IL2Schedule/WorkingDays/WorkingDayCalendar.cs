using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using NodaTime;

namespace IL2Schedule;

/// <summary>
/// Which dates are working days for follow-up (imaging, the next course): every date except the
/// weekend days and the holidays. Immutable, with value equality.
/// </summary>
/// <remarks>
/// <para>
/// Weekends are configurable (<see cref="SaturdaySunday"/> is the common case; some countries rest
/// on Friday and Saturday). Holidays are a list of local dates, from any source: typed in, read
/// from a text file, or read from an iCalendar (.ics) file of closures with the separate
/// IL2Schedule.ICalendar package. The calendar knows no time zone: the dates are the course zone's
/// local dates.
/// </para>
/// <para>Source: hospital practice (imaging departments close at weekends and on holidays); what counts as a holiday is the centre's.</para>
/// </remarks>
public sealed class WorkingDayCalendar : IEquatable<WorkingDayCalendar>
{
    private readonly ReadOnlyCollection<IsoDayOfWeek> weekendDays;
    private readonly ReadOnlyCollection<LocalDate> holidays;
    private readonly HashSet<LocalDate> holidaySet;

    /// <summary>Creates a calendar from weekend days and holidays.</summary>
    /// <param name="weekendDays">The days of the week that are never working days, in any order; duplicates are ignored. May be empty.</param>
    /// <param name="holidays">The dates that are not working days, in any order; duplicates are ignored. May be empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weekendDays"/> or <paramref name="holidays"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weekendDays"/> holds a value that is not a day (such as <see cref="IsoDayOfWeek.None"/>).</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="weekendDays"/> holds all seven days, which leaves no working day; or a holiday is not in the ISO calendar.
    /// </exception>
    public WorkingDayCalendar(IEnumerable<IsoDayOfWeek> weekendDays, IEnumerable<LocalDate> holidays)
    {
        Preconditions.CheckNotNull(weekendDays, nameof(weekendDays));
        Preconditions.CheckNotNull(holidays, nameof(holidays));
        var days = weekendDays.Distinct().Order().ToArray();
        foreach (var day in days)
        {
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                throw new ArgumentOutOfRangeException(nameof(weekendDays), day, $"weekendDays must hold only Monday to Sunday; was {day}");
            }
        }
        if (days.Length == 7)
        {
            throw new ArgumentException("weekendDays must leave at least one working day a week; was all seven days", nameof(weekendDays));
        }
        var given = holidays.ToArray();
        foreach (var date in given)
        {
            CalendarRange.CheckIso(date, nameof(holidays));
        }
        var dates = given.Distinct().Order().ToArray();
        this.weekendDays = Array.AsReadOnly(days);
        this.holidays = Array.AsReadOnly(dates);
        holidaySet = [.. dates];
    }

    /// <summary>Saturday and Sunday off, no holidays.</summary>
    public static WorkingDayCalendar SaturdaySunday { get; } = new([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], []);

    /// <summary>The weekend days, Monday first.</summary>
    public IReadOnlyList<IsoDayOfWeek> WeekendDays => weekendDays;

    /// <summary>The holidays, in ascending order, without duplicates.</summary>
    public IReadOnlyList<LocalDate> Holidays => holidays;

    /// <summary>True unless <paramref name="date"/> is a weekend day or a holiday.</summary>
    /// <param name="date">A local date.</param>
    /// <returns>Whether follow-up can be booked on it.</returns>
    public bool IsWorkingDay(LocalDate date) => !weekendDays.Contains(date.DayOfWeek) && !holidaySet.Contains(date);

    /// <summary>Returns a calendar with these weekend days and holidays plus <paramref name="moreHolidays"/>.</summary>
    /// <param name="moreHolidays">Dates to add; duplicates are ignored.</param>
    /// <returns>A new calendar; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="moreHolidays"/> is null.</exception>
    /// <exception cref="ArgumentException">A date is not in the ISO calendar.</exception>
    public WorkingDayCalendar WithHolidays(IEnumerable<LocalDate> moreHolidays) =>
        new(weekendDays, holidays.Concat(Preconditions.CheckNotNull(moreHolidays, nameof(moreHolidays))));

    /// <summary>
    /// How far <see cref="Shift"/> and <see cref="TryShift"/> look for a working day, and how far the
    /// next-course window's ends may move onto working days: 14 days.
    /// </summary>
    /// <remarks>
    /// This library's choice: two weeks is longer than any usual closure (a weekend and a holiday
    /// week), and a date that would move further is reported, not moved (an .ics that closes months
    /// would otherwise move an imaging date by months, far from the protocol's "about 4 weeks").
    /// </remarks>
    public const int MaxShiftDays = 14;

    /// <summary>
    /// Moves <paramref name="date"/> to a working day as <paramref name="shift"/> says; a working day is kept.
    /// </summary>
    /// <param name="date">The date to move.</param>
    /// <param name="shift">Which way to move.</param>
    /// <returns>The working day, or <paramref name="date"/> itself for <see cref="NonWorkingDayShift.None"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="shift"/> is not a defined value, or no working day lies within <see cref="MaxShiftDays"/>
    /// days in that direction (between 0001-01-01 and 9999-12-31); <see cref="TryShift"/> reports this without throwing.
    /// </exception>
    public LocalDate Shift(LocalDate date, NonWorkingDayShift shift) =>
        TryShift(date, shift, out var shifted)
            ? shifted
            : throw new ArgumentOutOfRangeException(nameof(date), CalendarRange.Format(date), string.Create(
                CultureInfo.InvariantCulture,
                $"date must have a working day within {nameof(WorkingDayCalendar)}.{nameof(MaxShiftDays)} ({MaxShiftDays}) days ({shift}); was {CalendarRange.Format(date)}"));

    /// <summary>
    /// Moves <paramref name="date"/> to a working day as <paramref name="shift"/> says, looking at
    /// most <see cref="MaxShiftDays"/> days away; a working day is kept.
    /// </summary>
    /// <param name="date">The date to move.</param>
    /// <param name="shift">Which way to move; <see cref="NonWorkingDayShift.Nearest"/> looks at the later day first, so a tie goes to the later day.</param>
    /// <param name="shifted">The working day (or <paramref name="date"/> for <see cref="NonWorkingDayShift.None"/>); <paramref name="date"/> when false is returned.</param>
    /// <returns>False if no working day lies within <see cref="MaxShiftDays"/> days in that direction (or before 0001-01-01 or after 9999-12-31).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shift"/> is not a defined value.</exception>
    public bool TryShift(LocalDate date, NonWorkingDayShift shift, out LocalDate shifted)
    {
        Preconditions.CheckDefined(shift, nameof(shift));
        shifted = date;
        if (shift == NonWorkingDayShift.None || IsWorkingDay(date))
        {
            return true;
        }
        for (int days = 1; days <= MaxShiftDays; days++)
        {
            if (shift != NonWorkingDayShift.Previous && CalendarRange.TryAdd(date, Period.FromDays(days), out var later) && IsWorkingDay(later))
            {
                shifted = later;
                return true;
            }
            if (shift != NonWorkingDayShift.Next && CalendarRange.TryAdd(date, Period.FromDays(-days), out var earlier) && IsWorkingDay(earlier))
            {
                shifted = earlier;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Reads a holidays text: one ISO date (<c>yyyy-MM-dd</c>) a line; blank lines are skipped and
    /// <c>#</c> starts a comment. Lines end with LF or CR LF.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The dates, in the order given (duplicates kept; the constructor ignores them).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="InputLimitExceededException">
    /// The text is longer than <see cref="InputLimits.MaxHolidaysTextBytes"/> bytes of UTF-8 or has more than
    /// <see cref="InputLimits.MaxHolidaysTextLines"/> lines.
    /// </exception>
    /// <exception cref="ArgumentException">A line is not a date; the message gives its number and the line (<see cref="InputText.ForMessage"/>).</exception>
    public static IReadOnlyList<LocalDate> ParseHolidayText(string text)
    {
        Preconditions.CheckNotNull(text, nameof(text));
        InputLimits.CheckUtf8Length(text, InputLimits.MaxHolidaysTextBytes, nameof(InputLimits.MaxHolidaysTextBytes));
        string[] lines = text.Split('\n');
        InputLimits.CheckCount(lines.Length, InputLimits.MaxHolidaysTextLines, nameof(InputLimits.MaxHolidaysTextLines), "lines");
        var dates = new List<LocalDate>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var result = NodaTime.Text.LocalDatePattern.Iso.Parse(line);
            dates.Add(result.Success
                ? result.Value
                : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"text line {i + 1} must be a date like 2027-05-31; was '{InputText.ForMessage(line)}'"), nameof(text)));
        }
        return dates;
    }

    /// <inheritdoc/>
    public bool Equals(WorkingDayCalendar? other) =>
        other is not null && weekendDays.SequenceEqual(other.weekendDays) && holidays.SequenceEqual(other.holidays);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WorkingDayCalendar);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(weekendDays.Count, holidays.Count, holidays.Count > 0 ? holidays[0] : default);

    /// <summary>Compares two calendars by weekend days and holidays.</summary>
    /// <param name="left">The first calendar, or null.</param>
    /// <param name="right">The second calendar, or null.</param>
    /// <returns>True if both are null or both have the same weekend days and holidays.</returns>
    public static bool operator ==(WorkingDayCalendar? left, WorkingDayCalendar? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two calendars by weekend days and holidays.</summary>
    /// <param name="left">The first calendar, or null.</param>
    /// <param name="right">The second calendar, or null.</param>
    /// <returns>True if exactly one is null or they differ.</returns>
    public static bool operator !=(WorkingDayCalendar? left, WorkingDayCalendar? right) => !(left == right);

    /// <summary>An invariant description, for example "weekend Saturday, Sunday; 2 holidays from 2027-12-25 to 2028-01-01".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"weekend {(weekendDays.Count == 0 ? "none" : string.Join(", ", weekendDays))}; {(holidays.Count == 0 ? "no holidays" : $"{holidays.Count} holiday{(holidays.Count == 1 ? "" : "s")} from {ScheduleText.Format(holidays[0])} to {ScheduleText.Format(holidays[^1])}")}");
}
