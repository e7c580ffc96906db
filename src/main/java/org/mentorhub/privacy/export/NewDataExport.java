package org.mentorhub.privacy.export;

/**
 * A download just asked for, with its single-use token: shown once, in the answer to the request, and stored
 * only as its hash.
 */
public record NewDataExport(DataExportView export, String token) {
}
