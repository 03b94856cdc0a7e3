using Microsoft.Extensions.Hosting;

using Reconciler.Examples.Greetings;

await GreetingsApp.CreateHost(args).RunAsync();
