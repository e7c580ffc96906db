package org.mentorhub.privacy.export;

/** The ZIP of a download, handed out once. */
public record ExportFile(String fileName, byte[] content) {
}
