using System;
using IL2Schedule.Cli;

return CliApplication.Run(args, Console.Out, Console.Error);
