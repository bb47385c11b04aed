-- Issue 13: jobs and takes of three kinds. Portable between H2 (2.x) and PostgreSQL (15+), like V1.
--   GENERATE   text to clip (every job so far)
--   VARY       take to take: the parent take's frames noised to a strength and denoised with the edited prompt
--   INBETWEEN  the frames between two key frames, filled by an interpolation model
-- A key frame is a frame of a stored clip: a take's media, or an uploaded image stored as a one-frame clip.

alter table generation_jobs add column kind varchar(20) default 'GENERATE' not null;
alter table generation_jobs add column strength double precision;
alter table generation_jobs add column key_from_media varchar(100);
alter table generation_jobs add column key_from_frame integer;
alter table generation_jobs add column key_from_variant_id bigint references variants (id);
alter table generation_jobs add column key_to_media varchar(100);
alter table generation_jobs add column key_to_frame integer;
alter table generation_jobs add column key_to_variant_id bigint references variants (id);
alter table generation_jobs add constraint ck_jobs_kind check (kind in ('GENERATE', 'VARY', 'INBETWEEN'));
alter table generation_jobs add constraint ck_jobs_vary check (
    (kind = 'VARY') = (strength is not null)
    and (kind <> 'VARY' or (parent_variant_id is not null and strength between 0 and 1)));
alter table generation_jobs add constraint ck_jobs_keys check (
    (kind = 'INBETWEEN') = (key_from_media is not null)
    and (kind <> 'INBETWEEN' or (key_to_media is not null and key_from_frame >= 0 and key_to_frame >= 0
                                 and variant_count = 1)));

-- The take remembers how it was made: its kind, a vary's strength, and an in-between's second key take
-- (parent_variant_id holds the first; both are null for keys from uploaded images).
alter table variants add column kind varchar(20) default 'GENERATE' not null;
alter table variants add column strength double precision;
alter table variants add column second_parent_variant_id bigint references variants (id);
alter table variants add constraint ck_variants_kind check (kind in ('GENERATE', 'VARY', 'INBETWEEN'));
alter table variants add constraint ck_variants_strength check (strength is null or strength between 0 and 1);
