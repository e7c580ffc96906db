package org.mentorhub.privacy.export;

import java.io.InputStream;

/**
 * The ZIP of a download, handed out once, as a stream from the file store: closing the stream deletes the
 * stored ZIP. Whoever takes it closes it (the web layer does, after the response).
 * @param sizeBytes its length, for {@code Content-Length}
 */
public record ExportFile(String fileName, Long sizeBytes, InputStream content) {
}
