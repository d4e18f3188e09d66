using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuestionRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "network_question_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HalfTimeAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TakenByAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TakenByApiKeyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstReplyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_question_rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_question_rounds_network_api_keys_TakenByApiKeyId",
                        column: x => x.TakenByApiKeyId,
                        principalTable: "network_api_keys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_network_question_rounds_network_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "network_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_question_rounds_platform_accounts_TakenByAccountId",
                        column: x => x.TakenByAccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_network_question_rounds_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_network_question_rounds_DueAt",
                table: "network_question_rounds",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_network_question_rounds_OrganisationId_SentAt",
                table: "network_question_rounds",
                columns: new[] { "OrganisationId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_network_question_rounds_QuestionId_Number",
                table: "network_question_rounds",
                columns: new[] { "QuestionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_question_rounds_TakenByAccountId",
                table: "network_question_rounds",
                column: "TakenByAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_network_question_rounds_TakenByApiKeyId",
                table: "network_question_rounds",
                column: "TakenByApiKeyId");

            // One round per existing question, from its columns (the round takes the question's id: one each).
            // The half-time is the middle of the stored deadline (the business calendar is not in SQL): close to it.
            // TakenBy held an account's id from the pages or an API key's id from the partner API: told apart here.
            migrationBuilder.Sql("""
                INSERT INTO network_question_rounds ("Id", "QuestionId", "Number", "OrganisationId", "SentAt", "HalfTimeAt", "DueAt",
                    "TakenByAccountId", "TakenByApiKeyId", "TakenAt", "FirstReplyAt", "PausedAt", "EndedAt", "Outcome")
                SELECT q."Id", q."Id", q."Round", q."OrganisationId", q."SentAt", q."SentAt" + (q."DueAt" - q."SentAt") / 2, q."DueAt",
                    CASE WHEN EXISTS (SELECT 1 FROM platform_accounts a WHERE a."Id" = q."TakenBy") THEN q."TakenBy" END,
                    CASE WHEN EXISTS (SELECT 1 FROM network_api_keys k WHERE k."Id" = q."TakenBy") THEN q."TakenBy" END,
                    q."TakenAt",
                    COALESCE(q."FirstReplyAt", CASE WHEN q."State" = 'NotRightPartner' THEN
                        (SELECT MAX(m."At") FROM network_messages m WHERE m."QuestionId" = q."Id" AND m."Kind" = 'NotRightPartner') END),
                    CASE WHEN q."State" = 'MoreInfoNeeded' THEN
                        COALESCE((SELECT MAX(m."At") FROM network_messages m WHERE m."QuestionId" = q."Id" AND m."Kind" = 'MoreInfoRequest'), q."FirstReplyAt", q."SentAt") END,
                    CASE
                        WHEN q."AnsweredAt" IS NOT NULL THEN q."AnsweredAt"
                        WHEN q."State" = 'NotRightPartner' THEN
                            COALESCE((SELECT MAX(m."At") FROM network_messages m WHERE m."QuestionId" = q."Id" AND m."Kind" = 'NotRightPartner'), q."SentAt")
                        WHEN q."State" = 'Closed' THEN q."ClosedAt"
                    END,
                    CASE
                        WHEN q."AnsweredAt" IS NOT NULL THEN 'Answered'
                        WHEN q."State" = 'NotRightPartner' THEN 'NotRightPartner'
                        WHEN q."State" = 'Closed' THEN 'Withdrawn'
                    END
                FROM network_questions q
                """);

            migrationBuilder.DropIndex(
                name: "IX_network_questions_State_DueAt",
                table: "network_questions");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "network_questions");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "network_questions");

            migrationBuilder.DropColumn(
                name: "FirstReplyAt",
                table: "network_questions");

            migrationBuilder.DropColumn(
                name: "TakenAt",
                table: "network_questions");

            migrationBuilder.DropColumn(
                name: "TakenBy",
                table: "network_questions");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnsweredAt",
                table: "network_questions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DueAt",
                table: "network_questions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "FirstReplyAt",
                table: "network_questions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TakenAt",
                table: "network_questions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TakenBy",
                table: "network_questions",
                type: "TEXT",
                nullable: true);

            // Back to one set of columns: the current round's.
            migrationBuilder.Sql("""
                UPDATE network_questions SET
                    "DueAt" = (SELECT r."DueAt" FROM network_question_rounds r WHERE r."QuestionId" = network_questions."Id" AND r."Number" = network_questions."Round"),
                    "TakenBy" = (SELECT COALESCE(r."TakenByAccountId", r."TakenByApiKeyId") FROM network_question_rounds r WHERE r."QuestionId" = network_questions."Id" AND r."Number" = network_questions."Round"),
                    "TakenAt" = (SELECT r."TakenAt" FROM network_question_rounds r WHERE r."QuestionId" = network_questions."Id" AND r."Number" = network_questions."Round"),
                    "FirstReplyAt" = (SELECT r."FirstReplyAt" FROM network_question_rounds r WHERE r."QuestionId" = network_questions."Id" AND r."Number" = network_questions."Round"),
                    "AnsweredAt" = (SELECT CASE WHEN r."Outcome" = 'Answered' THEN r."EndedAt" END FROM network_question_rounds r WHERE r."QuestionId" = network_questions."Id" AND r."Number" = network_questions."Round")
                """);

            migrationBuilder.DropTable(
                name: "network_question_rounds");

            migrationBuilder.CreateIndex(
                name: "IX_network_questions_State_DueAt",
                table: "network_questions",
                columns: new[] { "State", "DueAt" });
        }
    }
}
