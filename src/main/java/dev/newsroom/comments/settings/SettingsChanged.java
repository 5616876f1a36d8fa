package dev.newsroom.comments.settings;

/** Fired in the transaction that changed a setting; this instance reloads them once it commits. */
record SettingsChanged() {
}
