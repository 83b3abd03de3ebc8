using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IL2Schedule.Service;

/// <summary>
/// The service: <c>POST /courses/plan</c>, <c>POST /courses/replay</c>, <c>GET /health</c> and the
/// OpenAPI document at <c>/openapi/v1.json</c>. Errors are RFC 9457 problem details without stack traces.
/// </summary>
internal static class ServiceApplication
{
    /// <summary>The largest request body accepted, in bytes (1 MiB): a recorded course is a few kilobytes.</summary>
    internal const int MaxRequestBodyBytes = 1024 * 1024;

    internal static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddIL2Schedule();

        var app = builder.Build();
        // Every unexpected failure becomes one problem document; its text never carries a stack trace.
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteInternalError });
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapGet("/health", () => Results.Text("ok\n", "text/plain; charset=utf-8"))
            .WithName("Health")
            .WithSummary("Answers 200 \"ok\" while the service runs.");
        PlanEndpoint.Map(app);
        ReplayEndpoint.Map(app);
        return app;
    }

    private static Task WriteInternalError(HttpContext context) =>
        Problems.Write(context, StatusCodes.Status500InternalServerError, "internal error; please report it with the request you sent");
}
