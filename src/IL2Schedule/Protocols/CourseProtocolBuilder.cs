using System;
using System.Collections.Generic;
using NodaTime;

namespace IL2Schedule;

/// <summary>
/// A mutable set of course settings from which <see cref="Build"/> makes a validated, immutable
/// <see cref="CourseProtocol"/>. Nothing is checked until <see cref="Build"/>.
/// </summary>
/// <example>
/// <code>
/// var twelveDoses = new CourseProtocolBuilder(CourseProtocol.Label) { MaxDosesPerCycle = 12 }.Build();
/// </code>
/// </example>
public sealed class CourseProtocolBuilder
{
    /// <summary>Creates a builder holding the settings of <see cref="CourseProtocol.Label"/>.</summary>
    public CourseProtocolBuilder()
        : this(CourseProtocol.Label)
    {
    }

    /// <summary>Creates a builder holding the settings of <paramref name="protocol"/>.</summary>
    /// <param name="protocol">The protocol to start from, for example a preset.</param>
    /// <exception cref="ArgumentNullException"><paramref name="protocol"/> is null.</exception>
    public CourseProtocolBuilder(CourseProtocol protocol)
    {
        Preconditions.CheckNotNull(protocol, nameof(protocol));
        DoseInternationalUnitsPerKilogram = protocol.DoseInternationalUnitsPerKilogram;
        DoseMilligramsPerKilogram = protocol.DoseMilligramsPerKilogram;
        CycleCount = protocol.CycleCount;
        CycleLengthDays = protocol.CycleLengthDays;
        RestPeriodDays = protocol.RestPeriodDays;
        DosingInterval = protocol.DosingInterval;
        InfusionDuration = protocol.InfusionDuration;
        MaxDosesPerCycle = protocol.MaxDosesPerCycle;
        DoseTiming = protocol.DoseTiming;
        StandardAdministrationTimes = protocol.StandardAdministrationTimes;
        CycleWindowCounting = protocol.CycleWindowCounting;
        ResponseAssessmentDelay = protocol.ResponseAssessmentDelay;
        RetreatmentWindowStart = protocol.RetreatmentWindowStart;
        RetreatmentWindowEnd = protocol.RetreatmentWindowEnd;
        MinimumIntervalAfterDischarge = protocol.MinimumIntervalAfterDischarge;
        StoppedInfusionCounting = protocol.StoppedInfusionCounting;
    }

    /// <summary>See <see cref="CourseProtocol.DoseInternationalUnitsPerKilogram"/> (IU/kg; range [1, 1,000,000]).</summary>
    public int DoseInternationalUnitsPerKilogram { get; set; }

    /// <summary>See <see cref="CourseProtocol.DoseMilligramsPerKilogram"/> (mg/kg; null or range (0, 0.1]).</summary>
    public decimal? DoseMilligramsPerKilogram { get; set; }

    /// <summary>See <see cref="CourseProtocol.CycleCount"/> (range [1, 10]).</summary>
    public int CycleCount { get; set; }

    /// <summary>See <see cref="CourseProtocol.CycleLengthDays"/> (days; range [1, 14]).</summary>
    public int CycleLengthDays { get; set; }

    /// <summary>See <see cref="CourseProtocol.RestPeriodDays"/> (calendar days; range [0, 90]).</summary>
    public int RestPeriodDays { get; set; }

    /// <summary>See <see cref="CourseProtocol.DosingInterval"/> (elapsed; whole minutes, longer than the infusion, at most 24 hours).</summary>
    public Duration DosingInterval { get; set; }

    /// <summary>See <see cref="CourseProtocol.InfusionDuration"/> (elapsed; positive whole minutes).</summary>
    public Duration InfusionDuration { get; set; }

    /// <summary>See <see cref="CourseProtocol.MaxDosesPerCycle"/> (range [1, slots in the cycle window]).</summary>
    public int MaxDosesPerCycle { get; set; }

    /// <summary>See <see cref="CourseProtocol.DoseTiming"/>.</summary>
    public DoseTiming DoseTiming { get; set; }

    /// <summary>
    /// See <see cref="CourseProtocol.StandardAdministrationTimes"/> (local clock times, in any order;
    /// with <see cref="DoseTiming.StandardTimes"/>, whole minutes exactly <see cref="DosingInterval"/> apart around the day).
    /// <see cref="Build"/> copies and sorts them.
    /// </summary>
    public IReadOnlyList<LocalTime>? StandardAdministrationTimes { get; set; }

    /// <summary>See <see cref="CourseProtocol.CycleWindowCounting"/>.</summary>
    public CycleWindowCounting CycleWindowCounting { get; set; }

    /// <summary>See <see cref="CourseProtocol.ResponseAssessmentDelay"/> (calendar period; 1 day to 1 year).</summary>
    public Period? ResponseAssessmentDelay { get; set; }

    /// <summary>See <see cref="CourseProtocol.RetreatmentWindowStart"/> (calendar period; 1 day to 1 year).</summary>
    public Period? RetreatmentWindowStart { get; set; }

    /// <summary>See <see cref="CourseProtocol.RetreatmentWindowEnd"/> (calendar period; 1 day to 1 year, not shorter than the start).</summary>
    public Period? RetreatmentWindowEnd { get; set; }

    /// <summary>See <see cref="CourseProtocol.MinimumIntervalAfterDischarge"/> (calendar period; 1 day to 1 year).</summary>
    public Period? MinimumIntervalAfterDischarge { get; set; }

    /// <summary>See <see cref="CourseProtocol.StoppedInfusionCounting"/> (a defined value).</summary>
    public StoppedInfusionCounting StoppedInfusionCounting { get; set; }

    /// <summary>Checks every setting and makes an immutable protocol from them.</summary>
    /// <returns>A new, valid protocol; this builder is unchanged and can be reused.</returns>
    /// <exception cref="InvalidCourseProtocolException">
    /// One or more settings are invalid (an <see cref="ArgumentException"/>). Its
    /// <see cref="InvalidCourseProtocolException.Problems"/> name every invalid setting, its rule and
    /// its value; the message says the same as sentences, for example
    /// "Invalid course protocol: CycleCount must be in range [1, 10]; was 0."
    /// </exception>
    public CourseProtocol Build() => CourseProtocol.Create(this);
}
