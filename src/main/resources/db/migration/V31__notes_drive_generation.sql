-- A note can cause a regeneration (issue 11): the job and the takes it makes record the note's id as a plain
-- value. Generation knows nothing of notes, so there is no foreign key to frame_notes.
alter table generation_jobs add column note_id bigint;
alter table variants add column note_id bigint;
