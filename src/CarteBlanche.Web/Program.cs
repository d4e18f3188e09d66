using CarteBlanche.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCarteBlancheWeb();

var app = builder.Build();
await app.InitialiseAsync();
app.UseCarteBlancheWeb();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
