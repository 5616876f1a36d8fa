package dev.newsroom.comments.report;

/**
 * How many distinct readers' open reports unpublish a comment: the site setting {@code reportsToHold}
 * (0 = never), implemented by {@code settings.SiteSettings} so this feature does not depend on that one.
 */
public interface ReportThreshold {

    int reportsToHold();
}
