var host = Host.CreateDefaultBuilder(args).ConfigureServices(s => s.AddHostedService<Ticker>()).Build();
host.Run();

class Ticker(IConfiguration config) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        Console.WriteLine($"DOTNET-WORKER-ALPINE-OK every={config["Ticker:Seconds"]}s");
        while (!stop.IsCancellationRequested) await Task.Delay(TimeSpan.FromSeconds(5), stop);
    }
}
