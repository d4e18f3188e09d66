using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CarteBlanche.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Network : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "network_api_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_api_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_api_keys_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_digest_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_digest_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_digest_entries_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_news",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Territory = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AudienceList = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_news", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_news_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_notification_preferences",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    DailyDigest = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_notification_preferences", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_network_notification_preferences_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_partners",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharedMailbox = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Domains = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OpeningHours = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Channels = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_partners", x => x.OrganisationId);
                    table.ForeignKey(
                        name: "FK_network_partners_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    AskedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Territory = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Domain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DomainLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    TakenBy = table.Column<Guid>(type: "uuid", nullable: true),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstReplyAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Usefulness = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SharedFields = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SharedDataProtected = table.Column<string>(type: "text", nullable: true),
                    InvitedFromQuestionId = table.Column<Guid>(type: "uuid", nullable: true),
                    WipedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_questions_platform_accounts_AskedBy",
                        column: x => x.AskedBy,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_network_questions_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "network_referents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Territory = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    IsLead = table.Column<bool>(type: "boolean", nullable: false),
                    NamedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_referents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_referents_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_referents_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_news_reads",
                columns: table => new
                {
                    NewsItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_news_reads", x => new { x.NewsItemId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_network_news_reads_network_news_NewsItemId",
                        column: x => x.NewsItemId,
                        principalTable: "network_news",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_news_reads_platform_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "platform_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_messages_network_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "network_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_reminders",
                columns: table => new
                {
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_reminders", x => new { x.QuestionId, x.Round, x.Kind });
                    table.ForeignKey(
                        name: "FK_network_reminders_network_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "network_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "network_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    EncryptedContent = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_network_attachments_network_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "network_messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_network_attachments_network_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "network_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_network_api_keys_OrganisationId",
                table: "network_api_keys",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_network_api_keys_Prefix",
                table: "network_api_keys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_attachments_MessageId",
                table: "network_attachments",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_network_attachments_QuestionId",
                table: "network_attachments",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_network_digest_entries_AccountId",
                table: "network_digest_entries",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_network_digest_entries_SentAt_AccountId",
                table: "network_digest_entries",
                columns: new[] { "SentAt", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_network_messages_QuestionId_At",
                table: "network_messages",
                columns: new[] { "QuestionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_network_news_OrganisationId",
                table: "network_news",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_network_news_Territory_ValidFrom",
                table: "network_news",
                columns: new[] { "Territory", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_network_news_reads_AccountId",
                table: "network_news_reads",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_network_questions_AskedBy",
                table: "network_questions",
                column: "AskedBy");

            migrationBuilder.CreateIndex(
                name: "IX_network_questions_CaseId",
                table: "network_questions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_network_questions_OrganisationId_State",
                table: "network_questions",
                columns: new[] { "OrganisationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_network_questions_SentAt",
                table: "network_questions",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_network_questions_State_DueAt",
                table: "network_questions",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_network_referents_AccountId_Territory",
                table: "network_referents",
                columns: new[] { "AccountId", "Territory" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_network_referents_OrganisationId_Territory",
                table: "network_referents",
                columns: new[] { "OrganisationId", "Territory" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "network_api_keys");

            migrationBuilder.DropTable(
                name: "network_attachments");

            migrationBuilder.DropTable(
                name: "network_digest_entries");

            migrationBuilder.DropTable(
                name: "network_news_reads");

            migrationBuilder.DropTable(
                name: "network_notification_preferences");

            migrationBuilder.DropTable(
                name: "network_partners");

            migrationBuilder.DropTable(
                name: "network_referents");

            migrationBuilder.DropTable(
                name: "network_reminders");

            migrationBuilder.DropTable(
                name: "network_messages");

            migrationBuilder.DropTable(
                name: "network_news");

            migrationBuilder.DropTable(
                name: "network_questions");
        }
    }
}
