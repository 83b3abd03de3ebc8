namespace IL2Schedule;

/// <summary>Where a follow-up date that falls on a non-working day moves to.</summary>
/// <remarks>
/// Imaging departments are closed at weekends and on holidays (hospital practice; which days are the centre's choice). The label asks for
/// response assessment "about 4 weeks" after the course, so a day either way keeps to it; which way
/// is the centre's choice, and <see cref="Next"/> (never earlier than the rule's date) is the default.
/// </remarks>
public enum NonWorkingDayShift
{
    /// <summary>The first working day after the date. The default.</summary>
    Next = 0,

    /// <summary>The last working day before the date.</summary>
    Previous = 1,

    /// <summary>
    /// The working day fewest days away; when the working days before and after are equally far,
    /// the later one (this library's choice: it never shortens the interval on a tie).
    /// </summary>
    Nearest = 2,

    /// <summary>The date is kept even on a non-working day.</summary>
    None = 3,
}
