using System;
using System.Globalization;
using IL2Schedule.Rules;
using NodaTime;
using NodaTime.TimeZones;

namespace IL2Schedule;

/// <summary>
/// Plans a high-dose IL-2 course from a protocol, the first dose's time and a time zone: every
/// dose's start and end, the course end, the response-assessment date and the next-course window.
/// Immutable and thread-safe; reuse one planner for many courses.
/// </summary>
/// <remarks>
/// <para>The rules, in order (defaults from the Proleukin prescribing information, section 2 and Table 1):</para>
/// <list type="number">
/// <item>Cycle c (from 1) nominally starts at the first dose's requested local date-time plus
/// (c − 1) × (cycle length + rest) calendar days, at the same clock time: days 1 and 15. Cycle 1
/// starts at the first dose itself. A later cycle's nominal start that the zone skips is shifted
/// forward by the gap's length; one it repeats takes the earlier instant (NodaTime's
/// <see cref="Resolvers.LenientResolver"/>).</item>
/// <item>Dose k of a cycle starts (k − 1) dosing intervals after the cycle start: of elapsed time
/// (<see cref="DoseTiming.Elapsed"/>, the default) or of local clock time resolved leniently
/// (<see cref="DoseTiming.WallClock"/>); or, with <see cref="DoseTiming.StandardTimes"/>, at the
/// next standard administration time after the previous dose, skipping one that is less than half
/// the dosing interval away (the 50% rule).</item>
/// <item>A cycle's window is <see cref="CourseProtocol.CycleLengthDays"/> × 24 elapsed hours from
/// its first dose (<see cref="CycleWindowCounting.Elapsed"/>, the default), or its calendar days
/// (<see cref="CycleWindowCounting.CalendarDays"/>). Its dose capacity is the number of dose times
/// the timing gives inside it. Each cycle plans <see cref="CourseProtocol.MaxDosesPerCycle"/> doses
/// (label: 14), or the capacity if that is smaller, which only calendar days allow: the elapsed
/// window always holds the cap, and a timing that the zone's clock changes push out of it is rejected.</item>
/// <item>Each infusion ends <see cref="CourseProtocol.InfusionDuration"/> of elapsed time after it starts (label: 15 minutes).</item>
/// <item>Course end is the end of the last dose of the last cycle; the course end date is its local date.</item>
/// <item>Response assessment: course end date + <see cref="CourseProtocol.ResponseAssessmentDelay"/> (label: about 4 weeks).</item>
/// <item>Next-course window: [course end date + 6 weeks, course end date + 12 weeks], both inclusive
/// (Atkins 1999; Fyfe 1995), starting no earlier than discharge + 7 weeks (label) once a discharge
/// date is added with <see cref="CourseSchedule.WithDischargeDate"/>; reported empty with its
/// reason, never thrown, when that passes the window's end.</item>
/// </list>
/// </remarks>
public sealed partial class CoursePlanner
{
    // Bounds that keep an instant's local date-time representable in any zone; the first dose's
    // local date is then checked against the same limits as the other overloads.
    private static readonly Instant EarliestFirstDoseInstant = Instant.FromUtc(1, 1, 1, 0, 0);
    private static readonly Instant LatestFirstDoseInstant = Instant.FromUtc(9999, 12, 31, 0, 0);

    /// <summary>Creates a planner for the label's protocol (<see cref="CourseProtocol.Label"/>).</summary>
    public CoursePlanner()
        : this(CourseProtocol.Label)
    {
    }

    /// <summary>Creates a planner for <paramref name="protocol"/>.</summary>
    /// <param name="protocol">The course rules; already validated.</param>
    /// <exception cref="ArgumentNullException"><paramref name="protocol"/> is null.</exception>
    public CoursePlanner(CourseProtocol protocol)
    {
        Protocol = Preconditions.CheckNotNull(protocol, nameof(protocol));
    }

    /// <summary>The protocol this planner applies.</summary>
    public CourseProtocol Protocol { get; }

    /// <summary>Plans a course from the first dose's local date-time in a zone.</summary>
    /// <param name="firstDose">The first dose's local date-time (wall-clock time in <paramref name="zone"/>).</param>
    /// <param name="zone">The zone the course is given in. A tzdb alias is replaced by its canonical zone.</param>
    /// <returns>The planned course.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="LocalTimeMappingException">
    /// <paramref name="zone"/> skips or repeats <paramref name="firstDose"/>; the message names the
    /// local time, the zone and which of the two it is. Pass a resolver to the other overload to
    /// say which instant is meant.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The first dose is before 0001-01-02, or the course or its follow-up dates would pass 9999-12-31.
    /// </exception>
    /// <exception cref="CoursePlanningException">
    /// A dose or window end falls where the zone used an offset with seconds (for example historical
    /// local mean time); or the zone's clock changes make the plan impossible: a wall-clock or
    /// standard-time dose that would not start after the previous infusion ends or would fall outside
    /// its elapsed cycle window, a cycle whose calendar-day window its first dose misses, or a cycle
    /// that would start before the previous cycle's last infusion ends (only in zones that skip whole
    /// days). <see cref="CoursePlanningException.Reason"/>, <see cref="CoursePlanningException.Cycle"/>
    /// and <see cref="CoursePlanningException.DoseInCycle"/> say which, as values.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="firstDose"/> is not in the ISO calendar, or has a part of a tick (nanoseconds not a multiple of 100: the rules compute in ticks, this library's choice).</exception>
    public CourseSchedule Plan(LocalDateTime firstDose, DateTimeZone zone)
    {
        zone = TimeZoneLookup.Canonicalize(Preconditions.CheckNotNull(zone, nameof(zone)));
        CheckFirstDoseDate(firstDose.Date);
        var mapping = zone.MapLocal(firstDose);
        if (mapping.Count != 1)
        {
            throw new LocalTimeMappingException(mapping, nameof(firstDose));
        }
        return PlanFrom(firstDose, mapping.Single(), zone);
    }

    /// <summary>
    /// Plans a course from the first dose's local date-time in a zone, with a resolver that says
    /// which instant is meant when the zone skips or repeats that local time.
    /// </summary>
    /// <param name="firstDose">The first dose's local date-time (wall-clock time in <paramref name="zone"/>).</param>
    /// <param name="zone">The zone the course is given in. A tzdb alias is replaced by its canonical zone.</param>
    /// <param name="firstDoseResolver">
    /// Maps <paramref name="firstDose"/> to an instant, for example <see cref="Resolvers.LenientResolver"/>
    /// (a skipped time moves forward by the gap's length, a repeated one takes the earlier instant).
    /// Cycle starts are still counted from <paramref name="firstDose"/> as given, and later cycle
    /// starts are always resolved leniently.
    /// </param>
    /// <returns>The planned course.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> or <paramref name="firstDoseResolver"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The first dose is before 0001-01-02, or the course or its follow-up dates would pass 9999-12-31.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// As for <see cref="Plan(LocalDateTime, DateTimeZone)"/>; or <paramref name="firstDoseResolver"/>
    /// returned a value that is not a resolution of <paramref name="firstDose"/> in <paramref name="zone"/>:
    /// another zone, or an instant other than the mapping's one or two instants (for a skipped time,
    /// an instant outside the gap's resolutions, from the last instant before it to the time shifted
    /// forward by its length); or an instant with a part of a tick (100 ns; the rules compute in ticks,
    /// this library's choice), such as <see cref="Resolvers.ReturnEndOfIntervalBefore"/>'s 1 ns before a gap.
    /// </exception>
    /// <remarks>Any exception <paramref name="firstDoseResolver"/> throws (NodaTime's strict resolver throws <see cref="SkippedTimeException"/> and <see cref="AmbiguousTimeException"/>) propagates unchanged.</remarks>
    public CourseSchedule Plan(LocalDateTime firstDose, DateTimeZone zone, ZoneLocalMappingResolver firstDoseResolver)
    {
        zone = TimeZoneLookup.Canonicalize(Preconditions.CheckNotNull(zone, nameof(zone)));
        Preconditions.CheckNotNull(firstDoseResolver, nameof(firstDoseResolver));
        CheckFirstDoseDate(firstDose.Date);
        var mapping = zone.MapLocal(firstDose);
        var resolved = firstDoseResolver(mapping);
        if (!IsResolutionOf(mapping, resolved))
        {
            throw new ArgumentException(
                $"firstDoseResolver must return a resolution of {firstDose:uuuu-MM-ddTHH:mm:ss} in {TimeZoneLookup.GetCanonicalId(zone)}; was {ScheduleText.Format(resolved)} in {resolved.Zone.Id}",
                nameof(firstDoseResolver));
        }
        if (Ticks.ToInstant(Ticks.From(resolved.ToInstant())) != resolved.ToInstant())
        {
            // The rules compute in ticks; NodaTime's ReturnEndOfIntervalBefore (1 ns before a gap) is not a whole tick.
            throw new ArgumentException(
                $"firstDoseResolver must return an instant that is a whole number of ticks (100 ns), the resolution the planning rules compute at; was {NodaTime.Text.InstantPattern.ExtendedIso.Format(resolved.ToInstant())} for {firstDose:uuuu-MM-ddTHH:mm:ss} in {TimeZoneLookup.GetCanonicalId(zone)}",
                nameof(firstDoseResolver));
        }
        return PlanFrom(firstDose, resolved.ToInstant().InZone(zone), zone);
    }

    /// <summary>Plans a course from the first dose's local date-time in a zone given by id.</summary>
    /// <param name="firstDose">The first dose's local date-time (wall-clock time in the zone).</param>
    /// <param name="zoneId">An IANA id ("America/New_York"), alias ("US/Eastern") or Windows id ("Eastern Standard Time"); see <see cref="TimeZoneLookup.GetZone"/>.</param>
    /// <returns>The planned course.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> is null.</exception>
    /// <exception cref="DateTimeZoneNotFoundException">No zone has the id; the message suggests close ids.</exception>
    /// <exception cref="LocalTimeMappingException">As for <see cref="Plan(LocalDateTime, DateTimeZone)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Plan(LocalDateTime, DateTimeZone)"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Plan(LocalDateTime, DateTimeZone)"/>.</exception>
    public CourseSchedule Plan(LocalDateTime firstDose, string zoneId) =>
        Plan(firstDose, TimeZoneLookup.GetZone(Preconditions.CheckNotNull(zoneId, nameof(zoneId))));

    /// <summary>Plans a course from the first dose's local date-time in a zone given by id in a tzdb of the caller's choice.</summary>
    /// <param name="firstDose">The first dose's local date-time (wall-clock time in the zone).</param>
    /// <param name="zoneId">An IANA id, alias or Windows id; see <see cref="TimeZoneDatabase.GetZone"/>.</param>
    /// <param name="database">The tzdb to resolve <paramref name="zoneId"/> in, such as one read by <see cref="TimeZoneDatabase.FromFile"/>; the schedule's <see cref="CourseSchedule.TzdbVersion"/> is its version.</param>
    /// <returns>The planned course.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> or <paramref name="database"/> is null.</exception>
    /// <exception cref="DateTimeZoneNotFoundException">No zone has the id in <paramref name="database"/>; the message names its version and suggests close ids.</exception>
    /// <exception cref="LocalTimeMappingException">As for <see cref="Plan(LocalDateTime, DateTimeZone)"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Plan(LocalDateTime, DateTimeZone)"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Plan(LocalDateTime, DateTimeZone)"/>.</exception>
    public CourseSchedule Plan(LocalDateTime firstDose, string zoneId, TimeZoneDatabase database) =>
        Plan(firstDose, Preconditions.CheckNotNull(database, nameof(database)).GetZone(Preconditions.CheckNotNull(zoneId, nameof(zoneId))));

    /// <summary>Plans a course from the first dose as a zoned date-time, which already names its instant.</summary>
    /// <param name="firstDose">The first dose; its local date-time counts as the requested one and its zone is the course's zone.</param>
    /// <returns>The planned course.</returns>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Plan(LocalDateTime, DateTimeZone)"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Plan(LocalDateTime, DateTimeZone)"/>.</exception>
    public CourseSchedule Plan(ZonedDateTime firstDose)
    {
        var zone = TimeZoneLookup.Canonicalize(firstDose.Zone);
        CheckFirstDoseDate(firstDose.Date);
        return PlanFrom(firstDose.LocalDateTime, firstDose.ToInstant().InZone(zone), zone);
    }

    /// <summary>Plans a course from the first dose's instant and a zone.</summary>
    /// <param name="firstDose">The instant the first dose starts; its local date-time in <paramref name="zone"/> counts as the requested one.</param>
    /// <param name="zone">The zone the course is given in.</param>
    /// <returns>The planned course.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="firstDose"/> is outside [0001-01-01T00:00Z, 9999-12-31T00:00Z], or as for
    /// <see cref="Plan(LocalDateTime, DateTimeZone)"/>.
    /// </exception>
    /// <exception cref="ArgumentException">As for <see cref="Plan(LocalDateTime, DateTimeZone)"/>.</exception>
    public CourseSchedule Plan(Instant firstDose, DateTimeZone zone)
    {
        Preconditions.CheckNotNull(zone, nameof(zone));
        if (firstDose < EarliestFirstDoseInstant || firstDose > LatestFirstDoseInstant)
        {
            throw new ArgumentOutOfRangeException(nameof(firstDose), firstDose.ToString(),
                $"firstDose must be between {EarliestFirstDoseInstant} and {LatestFirstDoseInstant}; was {firstDose}");
        }
        return Plan(firstDose.InZone(zone));
    }

    /// <summary>
    /// True if <paramref name="resolved"/> is in the mapping's zone and at one of the instants a
    /// resolver may choose: the only or either instant, or for a gap any instant from the last one
    /// before it to the local time shifted forward by the gap's length.
    /// </summary>
    private static bool IsResolutionOf(ZoneLocalMapping mapping, ZonedDateTime resolved)
    {
        if (TimeZoneLookup.GetCanonicalId(resolved.Zone) != TimeZoneLookup.GetCanonicalId(mapping.Zone))
        {
            return false;
        }
        var instant = resolved.ToInstant();
        return mapping.Count switch
        {
            0 => instant >= mapping.EarlyInterval.End - Duration.Epsilon
                && instant <= Resolvers.LenientResolver(mapping).ToInstant(),
            _ => instant == mapping.First().ToInstant() || instant == mapping.Last().ToInstant(),
        };
    }

    /// <summary>
    /// The rules compute in ticks (100 ns, .NET's and NodaTime's tick): a first dose with a finer
    /// fraction of a second is rejected rather than rounded (this library's choice).
    /// </summary>
    internal static ArgumentException FirstDoseNotWholeTicks(LocalDateTime firstDose) =>
        new(string.Create(CultureInfo.InvariantCulture, $"firstDose must be a whole number of ticks (100 ns), the resolution the planning rules compute at; was {firstDose:uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffff}"), nameof(firstDose));

    internal static void CheckFirstDoseDate(LocalDate firstDose)
    {
        CalendarRange.CheckIso(firstDose, nameof(firstDose));
        if (firstDose < CalendarRange.Earliest)
        {
            throw new ArgumentOutOfRangeException(nameof(firstDose), CalendarRange.Format(firstDose), $"firstDose must be on or after 0001-01-02; was {CalendarRange.Format(firstDose)}");
        }
    }

    private CourseSchedule PlanFrom(LocalDateTime firstDose, ZonedDateTime firstStart, DateTimeZone zone)
    {
        var map = new TzdbZoneMap(zone);
        var sink = new ScheduleSink(Protocol, zone);
        if (!Ticks.IsWhole(firstDose))
        {
            throw FirstDoseNotWholeTicks(firstDose);
        }
        if (!CourseWalker.TryWalk(Protocol, LocalTicks.From(firstDose), Ticks.From(firstStart.ToInstant()), ref map, ref sink, out _, out var failure))
        {
            throw failure.ToException(Protocol, zone, nameof(firstDose));
        }
        return new CourseSchedule(Protocol, zone, TimeZoneLookup.GetCanonicalId(zone), firstDose, sink.Cycles, dischargeDate: null, bodyWeightKilograms: null, workingDayCalendar: null, NonWorkingDayShift.Next);
    }

    /// <summary>Builds the schedule's cycles and doses as the rules give them.</summary>
    private struct ScheduleSink(CourseProtocol protocol, DateTimeZone zone) : ICourseSink
    {
        private ScheduledDose[]? doses;
        private int doseNumber;

        internal CycleSchedule[] Cycles { get; } = new CycleSchedule[protocol.CycleCount];

        public void Dose(int cycleIndex, int indexInCycle, long start)
        {
            doses ??= new ScheduledDose[protocol.MaxDosesPerCycle];
            doses[indexInCycle] = new ScheduledDose(++doseNumber, cycleIndex + 1, indexInCycle + 1, InZone(start), InZone(InfusionRule.End(protocol, start)));
        }

        private readonly ZonedDateTime InZone(long ticks) => Ticks.ToInstant(ticks).InZone(zone);

        public void Cycle(int cycleIndex, long nominalLocal, long start, CycleStartResolution resolution, long windowEnd, int capacity, int planned)
        {
            var cycleDoses = doses!;
            if (planned < cycleDoses.Length)
            {
                Array.Resize(ref cycleDoses, planned);
            }
            Cycles[cycleIndex] = new CycleSchedule(
                cycleIndex + 1,
                LocalTicks.ToLocalDateTime(nominalLocal),
                InZone(start),
                resolution,
                InZone(windowEnd),
                capacity,
                planned < protocol.MaxDosesPerCycle ? CycleBound.Window : CycleBound.Cap,
                cycleDoses);
            doses = null;
        }
    }
}
