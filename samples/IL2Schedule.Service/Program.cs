using IL2Schedule.Service;
using Microsoft.AspNetCore.Builder;

var app = ServiceApplication.Build(args);
app.Run();

/// <summary>The entry point, public so that tests can host the service (WebApplicationFactory).</summary>
public partial class Program;
