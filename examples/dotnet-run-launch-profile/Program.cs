var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", (IHostEnvironment env) => $"DOTNET-RUN-LAUNCH-PROFILE-OK env={env.EnvironmentName}");
app.Run();
