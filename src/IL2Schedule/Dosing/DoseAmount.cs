using System;
using System.Globalization;

namespace IL2Schedule;

/// <summary>
/// The amount of one dose for a body weight: international units and milligrams, each from the
/// protocol's own per-kilogram figure, the vials needed and the diluent volume band. Every dose of a
/// course has the same amount (doses are withheld for toxicity, never reduced). Immutable, with value equality.
/// </summary>
/// <remarks>
/// <para>
/// Proleukin prescribing information: 600,000 IU/kg (0.037 mg/kg) per dose (section 2.1); a vial
/// holds 22 million IU (1.3 mg). The label's IU and mg figures are not exactly proportional, so
/// <see cref="InternationalUnits"/> and <see cref="Milligrams"/> are each the weight times the
/// protocol's own figure, never one converted into the other (domain facts).
/// </para>
/// <para>
/// Which weight to use (actual, ideal or adjusted body weight) is the prescriber's choice; no
/// source this library follows fixes it. Values are exact decimal products, not rounded: rounding
/// for an order is the prescriber's and pharmacy's business.
/// </para>
/// </remarks>
public sealed class DoseAmount : IEquatable<DoseAmount>
{
    /// <summary>The heaviest body weight accepted, in kilograms: a guard against typing errors (grams, pounds).</summary>
    public const int MaxBodyWeightKilograms = 350;

    /// <summary>The international units in one vial: 22 million IU (1.3 mg), from the label.</summary>
    public const int VialInternationalUnits = 22_000_000;

    /// <summary>The lowest final concentration the label asks for, in mg/mL: 0.03 (label section 2.5), inclusive.</summary>
    public const decimal MinConcentrationMilligramsPerMilliliter = 0.03m;

    /// <summary>The highest final concentration the label asks for, in mg/mL: 0.07 (label section 2.5), inclusive.</summary>
    public const decimal MaxConcentrationMilligramsPerMilliliter = 0.07m;

    /// <summary>The largest dose diluted in 25 mL: 25.4 million IU, inclusive.</summary>
    private const decimal SmallDiluentLimit = 25_400_000m;

    /// <summary>The largest dose diluted in 50 mL: 60 million IU, inclusive.</summary>
    private const decimal MediumDiluentLimit = 60_000_000m;

    private DoseAmount(decimal bodyWeightKilograms, decimal internationalUnits, decimal? milligrams)
    {
        BodyWeightKilograms = bodyWeightKilograms;
        InternationalUnits = internationalUnits;
        Milligrams = milligrams;
        Vials = VialsFor(internationalUnits);
        DiluentMilliliters = DiluentMillilitersFor(internationalUnits);
        ConcentrationMilligramsPerMilliliter = ConcentrationFor(milligrams, DiluentMilliliters);
    }

    /// <summary>The body weight the amount is for, in kilograms, as the caller gave it; in (0, 350].</summary>
    public decimal BodyWeightKilograms { get; }

    /// <summary>
    /// The dose in international units: <see cref="BodyWeightKilograms"/> ×
    /// <see cref="CourseProtocol.DoseInternationalUnitsPerKilogram"/>, exact (43,500,000 IU for 72.5 kg at 600,000 IU/kg).
    /// </summary>
    public decimal InternationalUnits { get; }

    /// <summary>
    /// The dose in milligrams: <see cref="BodyWeightKilograms"/> × <see cref="CourseProtocol.DoseMilligramsPerKilogram"/>,
    /// exact (2.6825 mg for 72.5 kg at 0.037 mg/kg); null when the protocol has no mg figure (the NCI preset).
    /// </summary>
    public decimal? Milligrams { get; }

    /// <summary>
    /// The vials needed for one dose: <see cref="InternationalUnits"/> ÷ 22 million IU, rounded up
    /// (2 for 43.5 million IU; exactly 22 million IU needs 1).
    /// </summary>
    /// <remarks>Label: 22 million IU per vial. Each dose is counted from whole vials of its own; whether a vial may serve two doses is not decided here.</remarks>
    public int Vials { get; }

    /// <summary>
    /// The volume of 5% dextrose the dose is diluted in, in millilitres: 25 mL up to and including
    /// 25.4 million IU, 50 mL above that up to and including 60 million IU, 100 mL above 60 million IU.
    /// </summary>
    /// <remarks>
    /// The label's diluent bands (section 2.5, as quoted by AHFS) ("≤ 25.4 million IU: 25 mL; up to 60 million
    /// IU: 50 mL; above: 100 mL"). Reading "up to 60 million IU" as inclusive is this library's
    /// choice; each bound belongs to the smaller volume.
    /// </remarks>
    public int DiluentMilliliters { get; }

    /// <summary>
    /// The final concentration of the diluted dose in mg/mL: <see cref="Milligrams"/> ÷
    /// <see cref="DiluentMilliliters"/>, exact (2.6825 mg in 50 mL = 0.05365 mg/mL at 72.5 kg); null
    /// when the protocol has no mg figure (the NCI preset), since the label's IU and mg figures are
    /// not converted into each other.
    /// </summary>
    /// <remarks>Label section 2.5: the final concentration should lie between 0.03 and 0.07 mg/mL.</remarks>
    public decimal? ConcentrationMilligramsPerMilliliter { get; }

    /// <summary>
    /// True when <see cref="ConcentrationMilligramsPerMilliliter"/> lies within
    /// [<see cref="MinConcentrationMilligramsPerMilliliter"/>, <see cref="MaxConcentrationMilligramsPerMilliliter"/>]
    /// (both inclusive, this library's reading of "between"), false outside it, null without a concentration.
    /// </summary>
    /// <remarks>
    /// Label section 2.5: outside 0.03–0.07 mg/mL drug delivery varies more (below 0.03 mg/mL the
    /// label's older text asks for albumin in the bag). A very light patient falls below the range
    /// in the 25 mL band (20 kg: 0.74 mg in 25 mL = 0.0296 mg/mL) and a very heavy one above it in
    /// the 100 mL band (200 kg: 7.4 mg in 100 mL = 0.074 mg/mL). The dose is never changed.
    /// </remarks>
    public bool? IsConcentrationInLabelRange => IsInLabelRange(ConcentrationMilligramsPerMilliliter);

    /// <summary>
    /// The warning for a final concentration outside the label's range, in English, for example
    /// "final concentration 0.074 mg/mL (7.4 mg in 100 mL of 5% dextrose) is above the label's range of 0.03 to 0.07 mg/mL (Label §2.5); the dose is not changed";
    /// null when the concentration is in the range or unknown.
    /// </summary>
    public string? ConcentrationWarning => IsConcentrationInLabelRange == false
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"final concentration {ConcentrationMilligramsPerMilliliter} mg/mL ({Milligrams} mg in {DiluentMilliliters} mL of 5% dextrose) is {(ConcentrationMilligramsPerMilliliter < MinConcentrationMilligramsPerMilliliter ? "below" : "above")} the label's range of {MinConcentrationMilligramsPerMilliliter} to {MaxConcentrationMilligramsPerMilliliter} mg/mL ({RuleBook.Planning(15).Source}); the dose is not changed")
        : null;

    /// <summary>The amount of one dose of <paramref name="protocol"/> for a body weight.</summary>
    /// <param name="protocol">The protocol whose per-kilogram figures apply.</param>
    /// <param name="bodyWeightKilograms">The body weight in kilograms, in (0, 350].</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="protocol"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bodyWeightKilograms"/> is zero, negative or above 350.</exception>
    public static DoseAmount For(CourseProtocol protocol, decimal bodyWeightKilograms)
    {
        Preconditions.CheckNotNull(protocol, nameof(protocol));
        CheckBodyWeight(bodyWeightKilograms, nameof(bodyWeightKilograms));
        return new DoseAmount(bodyWeightKilograms, InternationalUnitsFor(protocol, bodyWeightKilograms), MilligramsFor(protocol, bodyWeightKilograms));
    }

    /// <summary>The dose in IU for a checked body weight: weight × the protocol's IU/kg, exact.</summary>
    internal static decimal InternationalUnitsFor(CourseProtocol protocol, decimal bodyWeightKilograms) =>
        Normalize(bodyWeightKilograms * protocol.DoseInternationalUnitsPerKilogram);

    /// <summary>The dose in mg for a checked body weight: weight × the protocol's mg/kg, exact; null without a mg figure.</summary>
    internal static decimal? MilligramsFor(CourseProtocol protocol, decimal bodyWeightKilograms) =>
        protocol.DoseMilligramsPerKilogram is { } perKilogram ? Normalize(bodyWeightKilograms * perKilogram) : null;

    /// <summary>The vials for a dose in IU: rounded up (<see cref="Vials"/>).</summary>
    internal static int VialsFor(decimal internationalUnits) => (int)decimal.Ceiling(internationalUnits / VialInternationalUnits);

    /// <summary>The diluent band for a dose in IU (<see cref="DiluentMilliliters"/>).</summary>
    internal static int DiluentMillilitersFor(decimal internationalUnits) =>
        internationalUnits <= SmallDiluentLimit ? 25 : internationalUnits <= MediumDiluentLimit ? 50 : 100;

    /// <summary>mg ÷ mL, exact (<see cref="ConcentrationMilligramsPerMilliliter"/>); null without mg.</summary>
    internal static decimal? ConcentrationFor(decimal? milligrams, int diluentMilliliters) =>
        milligrams is { } mg ? Normalize(mg / diluentMilliliters) : null;

    /// <summary>Whether a concentration lies in the label's range, both ends inclusive (<see cref="IsConcentrationInLabelRange"/>); null without one.</summary>
    internal static bool? IsInLabelRange(decimal? concentration) => concentration is { } c
        ? c >= MinConcentrationMilligramsPerMilliliter && c <= MaxConcentrationMilligramsPerMilliliter
        : null;

    /// <summary>A course's total: one dose's amount times the planned doses, exact (<see cref="CourseSchedule.PlannedCourseInternationalUnits"/>).</summary>
    internal static decimal CourseTotal(decimal perDose, int doseCount) => Normalize(perDose * doseCount);

    internal static void CheckBodyWeight(decimal bodyWeightKilograms, string paramName)
    {
        if (bodyWeightKilograms <= 0 || bodyWeightKilograms > MaxBodyWeightKilograms)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                bodyWeightKilograms,
                string.Create(CultureInfo.InvariantCulture, $"{paramName} must be in range (0, {MaxBodyWeightKilograms}] kg; was {bodyWeightKilograms}"));
        }
    }

    /// <summary>The same value without trailing zeros (43500000.0 becomes 43500000), so text forms show no false precision.</summary>
    internal static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <inheritdoc/>
    public bool Equals(DoseAmount? other) =>
        other is not null
        && BodyWeightKilograms == other.BodyWeightKilograms
        && InternationalUnits == other.InternationalUnits
        && Milligrams == other.Milligrams;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DoseAmount);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(BodyWeightKilograms, InternationalUnits, Milligrams);

    /// <summary>Compares two amounts by weight, IU and mg (vials and diluent follow from them).</summary>
    /// <param name="left">The first amount, or null.</param>
    /// <param name="right">The second amount, or null.</param>
    /// <returns>True if both are null or all values are equal.</returns>
    public static bool operator ==(DoseAmount? left, DoseAmount? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two amounts by weight, IU and mg.</summary>
    /// <param name="left">The first amount, or null.</param>
    /// <param name="right">The second amount, or null.</param>
    /// <returns>True if exactly one is null or any value differs.</returns>
    public static bool operator !=(DoseAmount? left, DoseAmount? right) => !(left == right);

    /// <summary>An invariant description, for example "72.5 kg: 43500000 IU, 2.6825 mg, 2 vials, 50 mL" ("no mg" without a mg figure).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{BodyWeightKilograms} kg: {InternationalUnits} IU, {(Milligrams is { } mg ? mg + " mg" : "no mg")}, {Vials} vial{(Vials == 1 ? "" : "s")}, {DiluentMilliliters} mL");
}
