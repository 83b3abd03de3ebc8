using System;
using System.Collections.Generic;

namespace IL2Schedule;

/// <summary>
/// Thrown by <see cref="CourseProtocolBuilder.Build"/> when one or more settings are invalid. Every
/// problem is reported at once, as values in <see cref="Problems"/> and as sentences in the message,
/// so callers that name the settings in their own terms (a form field, a command-line option) need
/// not read the text.
/// </summary>
/// <remarks>
/// The message is "Invalid course protocol: " followed by each problem's
/// <see cref="CourseProtocolProblem.ToString"/>, joined by ". " and ending with a full stop, for
/// example "Invalid course protocol: CycleCount must be in range [1, 10]; was 0."
/// </remarks>
public sealed class InvalidCourseProtocolException : ArgumentException
{
    internal InvalidCourseProtocolException(IReadOnlyList<CourseProtocolProblem> problems)
        : base("Invalid course protocol: " + string.Join(". ", problems) + ".")
    {
        Problems = problems;
    }

    /// <summary>The invalid settings, one entry each, in the order of the builder's properties; never empty.</summary>
    public IReadOnlyList<CourseProtocolProblem> Problems { get; }
}
