using System;
using System.Globalization;
using NodaTime;

namespace IL2Schedule.Records;

/// <summary>A dose withheld: the slot of a cycle was not given, for a reason such as a toxicity.</summary>
/// <remarks>
/// Proleukin label, section 2.4 and Table 2: toxicity is managed by withholding a dose, never by
/// reducing it. No source says a withheld dose is made up; the slot keeps its due time and a later
/// reserve slot may take its place (see <see cref="HeldDosePolicy"/>).
/// </remarks>
public sealed class DoseHeld : CourseEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="id">The caller's id, or null.</param>
    /// <param name="cycle">The cycle number, from 1.</param>
    /// <param name="slot">The slot number within the cycle, from 1.</param>
    /// <param name="reason">Why the dose was withheld, for example "hypotension"; not empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or padded, or <paramref name="reason"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cycle"/> or <paramref name="slot"/> is less than 1.</exception>
    public DoseHeld(string? id, int cycle, int slot, string reason)
        : base(id)
    {
        Cycle = CheckPositive(cycle, nameof(cycle));
        Slot = CheckPositive(slot, nameof(slot));
        Reason = CheckReason(reason, nameof(reason));
    }

    /// <inheritdoc/>
    public override string Kind => "doseHeld";

    /// <summary>The cycle number, from 1.</summary>
    public int Cycle { get; }

    /// <summary>The slot number within the cycle, from 1.</summary>
    public int Slot { get; }

    /// <summary>Why the dose was withheld.</summary>
    public string Reason { get; }

    private protected override bool HasSameValues(CourseEvent other) =>
        other is DoseHeld o && Cycle == o.Cycle && Slot == o.Slot && Reason == o.Reason;

    private protected override string DescribeValues(DateTimeZone zone) =>
        string.Create(CultureInfo.InvariantCulture, $"cycle {Cycle}, slot {Slot}, reason '{Reason}'");
}
