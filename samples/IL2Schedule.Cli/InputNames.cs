using System;
using System.Linq;

namespace IL2Schedule.Cli;

/// <summary>
/// What the user calls each library parameter and setting: the <c>plan</c> options or the batch
/// file's columns. Library errors are worded with these names, found from the exception's values
/// (its type, <see cref="ArgumentException.ParamName"/>, <see cref="CoursePlanningException.Reason"/>, <see cref="InvalidCourseProtocolException.Problems"/>), not from its text.
/// </summary>
/// <param name="FirstDose">The first dose (library parameter <c>firstDose</c>).</param>
/// <param name="Discharge">The discharge date (<c>dischargeDate</c>).</param>
/// <param name="Weight">The body weight (<c>bodyWeightKilograms</c>).</param>
/// <param name="Weekend">The weekend days (<c>weekendDays</c>).</param>
/// <param name="DoseTiming">The dose timing, and how its elapsed value is written (<see cref="IL2Schedule.DoseTiming.Elapsed"/>).</param>
/// <param name="CycleWindow">The cycle window, and how its elapsed value is written (<see cref="CycleWindowCounting.Elapsed"/>).</param>
/// <param name="MaxDosesPerCycle">The dose cap (protocol setting <c>MaxDosesPerCycle</c>).</param>
/// <param name="StandardTimes">The standard administration times (protocol setting <c>StandardAdministrationTimes</c>).</param>
internal sealed record InputNames(
    string FirstDose,
    string Discharge,
    string Weight,
    string Weekend,
    string DoseTiming,
    string CycleWindow,
    string MaxDosesPerCycle,
    string StandardTimes)
{
    /// <summary>The <c>plan</c> command's options.</summary>
    internal static InputNames Options { get; } = new(
        "--first-dose", "--discharge", "--weight-kg", "--weekend", "--dose-timing elapsed", "--cycle-window elapsed", "--max-doses-per-cycle", "--standard-times");

    /// <summary>The batch file's columns.</summary>
    internal static InputNames Columns { get; } = new(
        "firstDose", "discharge", "weightKg", "--weekend", "doseTiming elapsed", "cycleWindow elapsed", "maxDosesPerCycle", "standardTimes");

    /// <summary>
    /// A library error as one line in the user's terms: a planning check's problem with advice that
    /// names the user's option or column; a parameter's rule ("firstDose must ...") with the
    /// parameter named as the user names it; .NET's "(Parameter 'x')" suffix dropped.
    /// </summary>
    internal string Describe(Exception e) => CliApplication.OneLine(e switch
    {
        CoursePlanningException { Reason: CoursePlanningFailure.DoseBeforePreviousInfusionEnds or CoursePlanningFailure.DoseOutsideCycleWindow } planning =>
            $"{planning.Problem}; use {DoseTiming}.",
        CoursePlanningException { Reason: CoursePlanningFailure.CycleMissesItsCalendarDays } planning =>
            $"{planning.Problem}; use {CycleWindow} or another first-dose time.",
        InvalidCourseProtocolException protocol => "Invalid course protocol: " + string.Join(". ", protocol.Problems.Select(Renamed)) + ".",
        ArgumentException { ParamName: { } name } argument => Renamed(argument.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal), name),
        _ => e.Message,
    });

    /// <summary>"firstDose must ..." as "--first-dose must ...": the library's messages start with the parameter's name.</summary>
    private string Renamed(string message, string paramName)
    {
        string? user = paramName switch
        {
            "firstDose" => FirstDose,
            "dischargeDate" => Discharge,
            "bodyWeightKilograms" => Weight,
            "weekendDays" => Weekend,
            _ => null,
        };
        return user is not null && message.StartsWith(paramName + " ", StringComparison.Ordinal)
            ? user + message[paramName.Length..]
            : message;
    }

    /// <summary>One invalid protocol setting, the settings a user sets here named as the user names them.</summary>
    private string Renamed(CourseProtocolProblem problem) => problem.Setting switch
    {
        nameof(CourseProtocol.MaxDosesPerCycle) => MaxDosesPerCycle,
        nameof(CourseProtocol.StandardAdministrationTimes) => StandardTimes,
        _ => problem.Setting,
    } + " " + problem.Rule;
}
