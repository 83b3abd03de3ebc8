using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace IL2Schedule.Service;

/// <summary>RFC 9457 problem details: the status, its standard title and the one-line message in <c>detail</c>.</summary>
internal static class Problems
{
    /// <summary>The problem media type (RFC 9457).</summary>
    internal const string MediaType = "application/problem+json";

    /// <summary>A result that writes the problem document.</summary>
    internal static IResult Result(int status, string detail) => Results.Problem(detail: detail, statusCode: status);

    /// <summary>Writes the problem document straight to the response (for the exception handler).</summary>
    internal static Task Write(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Detail = detail }, (System.Text.Json.JsonSerializerOptions?)null, MediaType);
    }
}
