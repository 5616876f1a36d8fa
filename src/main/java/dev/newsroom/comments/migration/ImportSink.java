package dev.newsroom.comments.migration;

/** Where a reader of an export file hands what it finds, in file order. */
interface ImportSink {

    /**
     * The site the comments come from (wordpress:&lt;its address&gt;, disqus, jsonl), given before the
     * first comment: a comment's original id is unique within it.
     */
    void source(String source);

    /** A comment to import. */
    void comment(IncomingComment comment);

    /** A comment the mapping leaves out (a pingback, an editorial note, a deleted post): processed and skipped. */
    void leftOut();

    /** A malformed comment or item, skipped and listed in the import's errors; {@code message} never holds an email. */
    void malformed(String where, String message);
}
