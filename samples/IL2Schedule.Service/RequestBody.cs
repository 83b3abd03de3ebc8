using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IL2Schedule.Service;

/// <summary>Reads a JSON request body within the size limit, or says which problem stops it.</summary>
internal static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as text, or a problem: 415 for a body that is not JSON, 413 above the limit, 400 for bytes that are not UTF-8.</summary>
    internal static async Task<(string? Text, IResult? Problem)> ReadJson(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !(type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, Problems.Result(StatusCodes.Status415UnsupportedMediaType,
                $"the request body must be application/json; was '{request.ContentType ?? "(no Content-Type)"}'"));
        }
        if (request.ContentLength > ServiceApplication.MaxRequestBodyBytes)
        {
            return (null, TooLarge());
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > ServiceApplication.MaxRequestBodyBytes)
            {
                return (null, TooLarge());
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return (StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.Result(StatusCodes.Status400BadRequest, "the request body must be UTF-8 text"));
        }
    }

    private static IResult TooLarge() => Problems.Result(StatusCodes.Status413PayloadTooLarge,
        $"the request body must be at most {ServiceApplication.MaxRequestBodyBytes} bytes");
}
