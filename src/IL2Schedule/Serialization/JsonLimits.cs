using System.Text;
using System.Text.Json;

namespace IL2Schedule.Serialization;

/// <summary>The size and nesting limits (<see cref="InputLimits"/>) that a JSON document must meet before it is parsed.</summary>
internal static class JsonLimits
{
    /// <summary>Checks a document's UTF-8 length and nesting depth; malformed JSON is left for the parser to report.</summary>
    /// <param name="json">The document.</param>
    /// <param name="maxBytes">The byte limit.</param>
    /// <param name="limitName">The byte limit's name.</param>
    /// <exception cref="InputLimitExceededException">The document is longer than <paramref name="maxBytes"/>, or nests objects and arrays deeper than <see cref="InputLimits.MaxJsonDepth"/>.</exception>
    internal static void Check(string json, int maxBytes, string limitName)
    {
        InputLimits.CheckUtf8Length(json, maxBytes, limitName);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = InputLimits.MaxJsonDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth + 1 > InputLimits.MaxJsonDepth)
                {
                    throw InputLimitExceededException.Counted(nameof(InputLimits.MaxJsonDepth), InputLimits.MaxJsonDepth, reader.CurrentDepth + 1, "levels of nesting");
                }
            }
        }
        catch (JsonException)
        {
            // Malformed: the parser that follows reports it in its own words.
        }
    }
}
