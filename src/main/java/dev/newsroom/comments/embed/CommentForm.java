package dev.newsroom.comments.embed;

import dev.newsroom.comments.web.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Leave a Reply" form as the page shows it: what the reader typed (never the email: an error
 * never echoes one), a fresh captcha, and a message per field at fault, worded for people.
 */
record CommentForm(String parentId, String replyToName, String name, String website, String body,
        String captchaToken, String question, Map<String, String> errors) {

    /** Input ids as WordPress names them, so the summary's links land on the field. */
    private static final Map<String, String> INPUTS = Map.of("body", "comment", "name", "author", "email", "email",
            "website", "url", "captchaAnswer", "answer", "captchaToken", "answer", "parentId", "comment");
    private static final Map<String, String> LABELS = Map.of("body", "Comment", "name", "Name", "email", "Email",
            "website", "Website", "parentId", "The comment you reply to");

    /** One line of the error summary: the text and the input it is about. */
    record FieldError(String inputId, String text) {
    }

    static CommentForm empty(String parentId, String replyToName, String captchaToken, String question) {
        return new CommentForm(parentId, replyToName, "", "", "", captchaToken, question, Map.of());
    }

    /**
     * The API's violations, keyed by the field the page shows them at (both captcha fields at the
     * answer). A required field the reader left empty reads "… is required" whatever rule it broke.
     */
    static Map<String, String> messages(List<Problem.Violation> violations, Map<String, String> sent) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem.Violation violation : violations) {
            String field = violation.field().equals("captchaToken") ? "captchaAnswer" : violation.field();
            String value = sent.get(field);
            boolean empty = REQUIRED.contains(field) && (value == null || value.isBlank());
            errors.putIfAbsent(INPUTS.containsKey(field) ? field : "body",
                    empty ? wording(field, "is required") : wording(field, violation.message()));
        }
        return errors;
    }

    private static final java.util.Set<String> REQUIRED = java.util.Set.of("body", "name", "email");

    /**
     * "Email is required" from field {@code email} and message "is required". The captcha's messages
     * tell an API client to fetch a new captcha; a reader gets one with the page, so they say that.
     */
    static String wording(String field, String message) {
        if (field.equals("captchaAnswer") || field.equals("captchaToken")) {
            if (message.startsWith("is required")) {
                return "Please answer the question.";
            }
            return message.contains("right answer") ? "That answer is not right. Please answer the new question."
                    : "The question expired. Please answer the new one.";
        }
        return LABELS.getOrDefault(field, "This field") + " " + message + ".";
    }

    public String title() {
        return replyToName == null ? "Leave a Reply" : "Leave a Reply to " + replyToName;
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    public List<FieldError> errorList() {
        return errors.entrySet().stream().map(e -> new FieldError(INPUTS.get(e.getKey()), e.getValue())).toList();
    }

    /** {@code aria-describedby} of a field: its notes, if any, then its error. */
    public String describedBy(String field, String inputId, String notes) {
        String ids = (notes == null ? "" : notes + " ") + (invalid(field) ? inputId + "-error" : "");
        return ids.strip();
    }
}
