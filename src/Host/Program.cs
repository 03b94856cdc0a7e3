using Reconciler.Host.Cli;

return await ReconCommandLine.RunAsync(args, Console.Out, Console.Error);
