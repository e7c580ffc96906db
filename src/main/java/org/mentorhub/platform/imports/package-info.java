/**
 * The import kit: upload a CSV file, preview every row, commit in the background through
 * {@link org.mentorhub.platform.jobs.Jobs} with progress, retry after a failure, or discard. A module
 * keeps its own tables and supplies its row rules by extending
 * {@link org.mentorhub.platform.imports.ImportPipeline} (see docs/jobs-and-imports.md).
 */
@org.springframework.modulith.NamedInterface("imports")
package org.mentorhub.platform.imports;
