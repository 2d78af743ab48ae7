using OmniContextEval.Cli;

return await CommandLine.RunAsync(args);
