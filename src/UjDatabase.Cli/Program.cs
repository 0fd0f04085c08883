using UjDatabase.Cli;

return await Ujdb.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable);
