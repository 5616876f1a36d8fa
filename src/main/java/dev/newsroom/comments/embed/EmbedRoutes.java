package dev.newsroom.comments.embed;

import dev.newsroom.comments.antispam.RateLimiter.PageAction;
import dev.newsroom.comments.antispam.RateLimiter;
import dev.newsroom.comments.captcha.CaptchaChallenge;
import dev.newsroom.comments.captcha.CaptchaService;
import dev.newsroom.comments.comment.ArticleIds;
import dev.newsroom.comments.comment.CommentStatus;
import dev.newsroom.comments.comment.PublicComment;
import dev.newsroom.comments.config.SettingBounds;
import dev.newsroom.comments.publication.PublicationService;
import dev.newsroom.comments.publication.PublishedPage;
import dev.newsroom.comments.report.ReportRequest;
import dev.newsroom.comments.report.ReportService;
import dev.newsroom.comments.submission.CommentSubmission;
import dev.newsroom.comments.submission.FormFields;
import dev.newsroom.comments.submission.SubmissionService;
import dev.newsroom.comments.submission.SubmittedComment;
import dev.newsroom.comments.web.AllowedOrigins;
import dev.newsroom.comments.web.ClientAddress;
import dev.newsroom.comments.web.DatabaseUnavailable;
import dev.newsroom.comments.web.Problem;
import dev.newsroom.comments.web.ProblemException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The page without JavaScript (API.md §7): {@code GET /embed/articles/{id}} renders the published
 * comments and the form; {@code POST} runs the very submission the API runs
 * ({@link SubmissionService}) and answers 303 to the page on success (post/redirect/get) or the
 * page again, 4xx, with each message at its field. Reports go the same way to
 * {@code POST /embed/articles/{id}/reports}.
 *
 * <p>These are Vert.x routes because every JAX-RS resource lives under {@code /api/v1}. They apply
 * the API's per-client rate limits themselves, since the API's request filter does not see them.
 * Every answer carries a captcha or a reader's input, so none may be stored ({@code no-store}), and
 * a policy that allows framing by the article pages' origins only.
 */
@ApplicationScoped
class EmbedRoutes {

    static final String PAGE = "/embed/articles/:articleId";
    private static final Set<String> FORM_FIELDS = Set.of("name", "email", "body", "website", "captchaToken",
            "captchaAnswer", "parentId", "homepage");
    private static final Set<String> REPORT_FIELDS = Set.of("commentId", "reason", "note");
    private static final String FORM = "application/x-www-form-urlencoded";

    @CheckedTemplate(basePath = "embed")
    static class Templates {
        static native TemplateInstance page(ArticlePage page);
    }

    private final PublicationService publication;
    private final CaptchaService captcha;
    private final SubmissionService submissions;
    private final ReportService reports;
    private final RateLimiter limiter;
    private final EmbedConfig config;
    private final String policy;

    EmbedRoutes(PublicationService publication, CaptchaService captcha, SubmissionService submissions,
            ReportService reports, RateLimiter limiter, EmbedConfig config, AllowedOrigins origins) {
        this.publication = publication;
        this.captcha = captcha;
        this.submissions = submissions;
        this.reports = reports;
        this.limiter = limiter;
        this.config = config;
        this.policy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors 'self'" + origins.all().stream().map(o -> " " + o).reduce("", String::concat);
    }

    /** Checked as the service starts: a page holds at most what the API's list does. */
    static void checkSettings(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            EmbedConfig config) {
        SettingBounds.require("comments.embed.page-size", config.pageSize(), 1, 200);
    }

    void register(@Observes Router router) {
        router.get(PAGE).blockingHandler(ctx -> inRequestContext(ctx, this::show), false);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(64 * 1024);
        router.post(PAGE).handler(body).blockingHandler(ctx -> inRequestContext(ctx, this::post), false);
        router.post(PAGE + "/reports").handler(body).blockingHandler(ctx -> inRequestContext(ctx, this::report), false);
    }

    /** GET: the list, and the form with a fresh captcha; {@code ?submitted=}, {@code ?replyTo=}, {@code ?report=}. */
    private void show(RoutingContext ctx) {
        String articleId = ArticleIds.requireValid(ctx.pathParam("articleId"));
        PublishedPage page = publication.approvedPage(articleId, ctx.queryParams().get("cursor"), config.pageSize());
        String replyTo = ctx.queryParams().get("replyTo");
        String replyToName = replyTo == null ? null : page.comments().stream().filter(c -> c.id().equals(replyTo))
                .map(PublicComment::name).findFirst().orElse(null);
        String notice = switch (String.valueOf(ctx.queryParams().get("submitted"))) {
            case "pending" -> "Thank you! Your comment is awaiting moderation.";
            case "published" -> "Thank you! Your comment is published.";
            default -> "1".equals(ctx.queryParams().get("reported")) ? "Thank you. A moderator will look at it." : null;
        };
        CommentForm form = freshForm(ctx.request(), replyToName == null ? null : replyTo, replyToName);
        String problem = form == null
                ? "Comments cannot take a new comment from you for a moment. Please try again in a minute." : null;
        String reportId = ctx.queryParams().get("report");
        answer(ctx, form == null ? 429 : 200, view(articleId, page, ctx.queryParams().get("cursor"), notice, problem,
                form, reportId, null));
    }

    /** POST: the API's submission from a form; 303 to the page when accepted, the page again when not. */
    private void post(RoutingContext ctx) {
        String articleId = ArticleIds.requireValid(ctx.pathParam("articleId"));
        Map<String, String> fields = Map.of();
        int status;
        String problem;
        Map<String, String> errors = Map.of();
        Duration retryAfter = null;
        try {
            requireForm(ctx);
            fields = FormFields.parse(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes(),
                    FORM_FIELDS);
            limiter.limitPage(ctx.request(), PageAction.COMMENT);
            SubmittedComment comment = submissions.submit(articleId, new CommentSubmission(fields.get("name"),
                    fields.get("email"), fields.get("body"), fields.get("captchaToken"), fields.get("captchaAnswer"),
                    fields.get("parentId"), fields.get("website"), fields.get("homepage")),
                    ClientAddress.of(ctx.request()));
            boolean published = comment.status() == CommentStatus.APPROVED;
            redirect(ctx, "/embed/articles/" + articleId + "?submitted=" + (published ? "published" : "pending")
                    + (published ? "#comment-" + ArticlePage.encode(comment.id()) : "#respond"));
            return;
        } catch (ProblemException e) {
            status = e.status();
            errors = e.violations() == null ? Map.of() : CommentForm.messages(e.violations(), fields);
            problem = wording(e.status(), e.retryAfter().orElse(null), !errors.isEmpty());
            retryAfter = e.retryAfter().orElse(null);
        } catch (ConstraintViolationException e) {
            status = 400;
            errors = CommentForm.messages(e.getConstraintViolations().stream()
                    .map(v -> new Problem.Violation(leafName(v), v.getMessage())).toList(), fields);
            problem = wording(400, null, true);
        }
        String parentId = fields.get("parentId");
        PublishedPage page = publication.approvedPage(articleId, null, config.pageSize());
        String replyToName = parentId == null ? null : page.comments().stream().filter(c -> c.id().equals(parentId))
                .map(PublicComment::name).findFirst().orElse(null);
        CommentForm fresh = freshForm(ctx.request(), parentId, replyToName);
        CommentForm form = fresh == null ? null : new CommentForm(blankToNull(parentId), replyToName,
                valueOr(fields.get("name")), valueOr(fields.get("website")), valueOr(fields.get("body")),
                fresh.captchaToken(), fresh.question(), errors);
        if (retryAfter != null) {
            ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        answer(ctx, status, view(articleId, page, null, null, problem, form, null, null));
    }

    /** POST …/reports: a reader's report (API.md §5) from a form; 303 to the page with a thank-you. */
    private void report(RoutingContext ctx) {
        String articleId = ArticleIds.requireValid(ctx.pathParam("articleId"));
        Map<String, String> fields = Map.of();
        String error;
        int status;
        try {
            requireForm(ctx);
            fields = FormFields.parse(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes(),
                    REPORT_FIELDS);
            limiter.limitPage(ctx.request(), PageAction.REPORT);
            reports.report(String.valueOf(fields.get("commentId")),
                    new ReportRequest(fields.get("reason"), fields.get("note")), ClientAddress.of(ctx.request()));
            redirect(ctx, "/embed/articles/" + articleId + "?reported=1#comments");
            return;
        } catch (ProblemException e) {
            status = e.status();
            error = e.status() == 404 ? "This comment can no longer be reported."
                    : e.violations() != null && e.violations().getFirst().field().equals("reason")
                            ? "Please choose a reason." : wording(e.status(), e.retryAfter().orElse(null), false);
        } catch (ConstraintViolationException e) {
            status = 400;
            error = e.getConstraintViolations().stream().anyMatch(v -> leafName(v).equals("reason"))
                    ? "Please choose a reason." : "The note must be at most 500 characters of text.";
        }
        PublishedPage page = publication.approvedPage(articleId, null, config.pageSize());
        answer(ctx, status, view(articleId, page, null, null, null, freshForm(ctx.request(), null, null),
                fields.get("commentId"), error));
    }

    private ArticlePage view(String articleId, PublishedPage page, String cursor, String notice, String problem,
            CommentForm form, String reportId, String reportError) {
        String more = page.nextCursor() == null ? null
                : "/embed/articles/" + articleId + "?cursor=" + ArticlePage.encode(page.nextCursor()) + "#comments";
        return new ArticlePage(articleId, page.total(), ArticlePage.rows(articleId, page, cursor), more, notice,
                problem, form, reportId, reportError);
    }

    /** A form with a fresh captcha, or null when this client has had too many captchas for now. */
    private CommentForm freshForm(HttpServerRequest request, String parentId, String replyToName) {
        try {
            limiter.limitPage(request, PageAction.CAPTCHA);
        } catch (ProblemException e) {
            return null;
        }
        CaptchaChallenge challenge = captcha.issue();
        return CommentForm.empty(parentId, replyToName, challenge.token(), challenge.question());
    }

    /** The sentence above the form for a refused post; field messages sit at their fields. */
    static String wording(int status, Duration retryAfter, boolean fieldErrors) {
        return switch (status) {
            case 403 -> "Comments are closed for this article.";
            case 409 -> "Duplicate comment detected; it looks as though you’ve already said that!";
            case 413 -> "Your comment is too long to send.";
            case 429 -> "You are posting comments too quickly. Please wait "
                    + (retryAfter == null ? "a minute" : Math.max(1, retryAfter.toSeconds()) + " seconds")
                    + " and try again.";
            case 503 -> "Comments are unavailable for a moment. Please try again shortly.";
            default -> fieldErrors ? "Your comment was not posted. Please correct the fields marked below."
                    : "Your comment was not posted. Please try again.";
        };
    }

    private static void requireForm(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw new NotAForm();
        }
    }

    /** A post that is not a form: 415, shown through the same page as other refusals. */
    private static final class NotAForm extends ProblemException {
        NotAForm() {
            super(415, "Unsupported Media Type", "Send the form as application/x-www-form-urlencoded.");
        }
    }

    private void answer(RoutingContext ctx, int status, ArticlePage page) {
        String html = Templates.page(page).render();
        headers(ctx).setStatusCode(status).putHeader("Content-Type", "text/html; charset=UTF-8").end(html);
    }

    private void redirect(RoutingContext ctx, String location) {
        headers(ctx).setStatusCode(303).putHeader("Location", location).end();
    }

    private HttpServerResponse headers(RoutingContext ctx) {
        return ctx.response()
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", policy)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin");
    }

    /**
     * Runs a page in a request context (the database session needs one) and turns what the reader
     * cannot fix into a short page: 400 for a bad article id or cursor, 503 while the database is away.
     */
    private static void inRequestContext(RoutingContext ctx, Consumer<RoutingContext> page) {
        ManagedContext requests = Arc.container().requestContext();
        requests.activate();
        try {
            page.accept(ctx);
        } catch (ProblemException e) {
            failure(ctx, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            ctx.response().putHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
            failure(ctx, 503, "Comments are unavailable for a moment. Please try again shortly.");
        } finally {
            requests.terminate();
        }
    }

    private static void failure(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status)
                .putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .putHeader("Content-Type", "text/plain; charset=UTF-8")
                .end(message);
    }

    private static String leafName(ConstraintViolation<?> violation) {
        String leaf = "request";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                leaf = node.getName();
            }
        }
        return leaf;
    }

    private static String valueOr(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
