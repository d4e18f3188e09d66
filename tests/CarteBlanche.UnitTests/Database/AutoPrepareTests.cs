using CarteBlanche.Platform.Database;
using Npgsql;
using Xunit;

namespace CarteBlanche.UnitTests.Database;

public sealed class AutoPrepareTests
{
    [Fact]
    public void A_postgres_connection_prepares_its_most_used_statements_unless_the_connection_string_says_otherwise()
    {
        var prepared = DatabaseServiceCollectionExtensions.WithAutoPrepare("Host=/tmp/pg;Database=cb;Username=app;Password=secret");
        var builder = new NpgsqlConnectionStringBuilder(prepared);
        Assert.Equal(50, builder.MaxAutoPrepare);
        Assert.Equal("secret", builder.Password);
        Assert.Equal("cb", builder.Database);

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithAutoPrepare("Host=/tmp/pg;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(10, new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithAutoPrepare("Host=/tmp/pg;MaxAutoPrepare=10")).MaxAutoPrepare);
    }
}
