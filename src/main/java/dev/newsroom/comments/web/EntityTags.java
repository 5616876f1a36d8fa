package dev.newsroom.comments.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** Strong ETags and the RFC 9110 comparison rules for {@code If-None-Match} and {@code If-Match}. */
public final class EntityTags {

    private EntityTags() {
    }

    /** A strong tag derived from the exact bytes of a representation. */
    public static String ofContent(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return quote(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static String quote(String opaque) {
        return "\"" + opaque + "\"";
    }

    /** Weak comparison, as {@code If-None-Match} requires: {@code W/"x"} matches {@code "x"}. */
    public static boolean noneMatchHits(String ifNoneMatch, String etag) {
        return listContains(ifNoneMatch, etag, true);
    }

    /** Strong comparison, as {@code If-Match} requires; {@code null} header means "no precondition". */
    public static boolean matchFails(String ifMatch, String etag) {
        return ifMatch != null && !ifMatch.isBlank() && !listContains(ifMatch, etag, false);
    }

    private static boolean listContains(String header, String etag, boolean weak) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                if (!weak) {
                    continue;
                }
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
