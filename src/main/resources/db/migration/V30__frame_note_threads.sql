-- Frame notes in use (issue 11). Portable between H2 (2.x) and PostgreSQL (15+), like V1.
-- frame_notes and note_mentions exist since V1 and were unused; no rows need a backfill, but the shot is
-- filled from the variant anyway, so the migration is right for any database.

-- The shot of the note's take, kept on the note so that a shot's notes, markers and exports are read
-- without joining generation's variants (features name each other's rows by id).
alter table frame_notes add column shot_id bigint references shots (id);
update frame_notes set shot_id = (select v.shot_id from variants v where v.id = frame_notes.variant_id);
alter table frame_notes alter column shot_id set not null;

-- Edits are the author's own; a note's version makes a stale edit fail instead of overwriting.
alter table frame_notes add column edited_at timestamp with time zone;
alter table frame_notes add column version bigint default 0 not null;
-- Deleting is soft: the row stays for the thread and the audit trail, its text is no longer shown.
alter table frame_notes add column deleted_at timestamp with time zone;
alter table frame_notes add column deleted_by bigint references app_users (id);
-- The take that answered the note, when it was resolved with one.
alter table frame_notes add column answered_by_variant_id bigint references variants (id);

alter table frame_notes add constraint ck_notes_resolved check (
    (resolved = false and resolved_by is null and resolved_at is null)
    or (resolved = true and resolved_by is not null and resolved_at is not null));
alter table frame_notes add constraint ck_notes_deleted check ((deleted_at is null) = (deleted_by is null));
alter table frame_notes add constraint ck_notes_answer check (answered_by_variant_id is null or resolved = true);

-- The notes panel pages a shot's threads (roots) by take and frame; markers read a shot's roots.
create index ix_notes_shot on frame_notes (shot_id, parent_id, variant_id, frame_start);
