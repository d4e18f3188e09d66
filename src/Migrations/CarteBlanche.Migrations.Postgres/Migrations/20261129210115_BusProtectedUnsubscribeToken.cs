using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BusProtectedUnsubscribeToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProtectedToken",
                table: "bus_subscriptions",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProtectedToken",
                table: "bus_subscriptions");
        }
    }
}
