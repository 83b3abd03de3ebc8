using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace IL2Schedule.Fhir;

/// <summary>Splits a JSON array into the raw text of its elements, for FHIR parsing one by one.</summary>
internal static class FhirJsonArray
{
    /// <exception cref="FhirMappingException">The text is not a JSON array.</exception>
    internal static List<string> Elements(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateArray().Select(element => element.GetRawText()).ToList();
        }
        catch (JsonException e)
        {
            throw new FhirMappingException(null, FhirMappingException.WholeInput, "is not a JSON array: " + InputText.WithJsonPosition(e.Message), e);
        }
    }
}
