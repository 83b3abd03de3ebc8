namespace IL2Schedule;

/// <summary>Which rules table a rule number refers to.</summary>
/// <remarks>Both tables are in the documentation (the rules, and the re-planning rules of a recorded course); this library's one copy of their text is what <see cref="Derivation"/> cites.</remarks>
public enum RuleSet
{
    /// <summary>The planning rules (1–15): first dose, cycle starts, dose timing, windows, follow-up dates, amounts.</summary>
    Planning = 0,

    /// <summary>The re-planning rules of a recorded course (1–6): slots, cycle ends, later cycles, course end, rejections, status.</summary>
    Replanning = 1,
}
