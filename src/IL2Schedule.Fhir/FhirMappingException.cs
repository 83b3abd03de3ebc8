using System;

namespace IL2Schedule.Fhir;

/// <summary>
/// Thrown when FHIR input cannot be mapped to course events: malformed JSON, a resource that is not a
/// MedicationAdministration of the course, or an element whose value has no meaning for the course.
/// Nothing is applied when it is thrown. The message names the resource id and the element, for
/// example "MedicationAdministration 4f1c…: status: 'in-progress' is not a recorded outcome; expected
/// completed, stopped, not-done or entered-in-error".
/// </summary>
public sealed class FhirMappingException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="resourceId">The id of the resource at fault, or null when it has none or the input is not a resource.</param>
    /// <param name="element">The element at fault as a FHIR path below the resource (for example <c>effectivePeriod.start</c>), or <see cref="WholeInput"/> for the input as a whole.</param>
    /// <param name="reason">What is wrong, naming the offending value.</param>
    /// <param name="innerException">The exception that revealed the fault, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="element"/> or <paramref name="reason"/> is null.</exception>
    public FhirMappingException(string? resourceId, string element, string reason, Exception? innerException = null)
        : base(Describe(resourceId, element, reason), innerException)
    {
        ResourceId = resourceId;
        Element = element;
        Reason = reason;
    }

    /// <summary>The element that names the input as a whole (not one resource): <c>(input)</c>.</summary>
    public const string WholeInput = "(input)";

    /// <summary>What is wrong, without the resource and element: for <see cref="WholeInput"/> a phrase such as "is not FHIR R4 JSON: ... (line 1, byte 2)." that follows the input's name.</summary>
    public string Reason { get; }

    /// <summary>The id of the resource at fault, or null.</summary>
    public string? ResourceId { get; }

    /// <summary>The element at fault, as a path below the resource.</summary>
    public string Element { get; }

    private static string Describe(string? resourceId, string element, string reason)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(reason);
        return resourceId is not null ? $"MedicationAdministration {InputText.ForMessage(resourceId)}: {element}: {reason}"
            : element == WholeInput ? $"The input {reason}"
            : $"{element}: {reason}";
    }
}
