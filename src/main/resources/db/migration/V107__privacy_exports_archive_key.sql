-- Issue 22 part 2: the ZIP of a download of one's data leaves the database. It is built in a temporary file and
-- kept in the file store (attachment.PrivateArchives); the row keeps only its key, which the download, the
-- retention purge and the erasure use to delete it.
ALTER TABLE privacy_exports ADD COLUMN archive_key VARCHAR(64);

-- A download that is ready when this runs has its ZIP in the column dropped below: it expires (the person asks
-- for a new one; the link would have worked 24 hours at most anyway).
UPDATE privacy_exports SET status = 'EXPIRED' WHERE status = 'READY';

ALTER TABLE privacy_exports DROP COLUMN content;
