-- Issue 12: what the producer's board and dashboard read per shot without joining across features.
-- Portable between H2 (2.x) and PostgreSQL (15+), like V1.

-- The GPU time spent on the shot: the sum of its jobs' recorded device time. Kept by production from
-- generation's JobFinished and recomputed from the jobs each time (like variant_count), so a lost event cannot
-- drift it; the board sorts by it and the dashboard sums it per episode.
alter table shots add column gpu_millis bigint default 0 not null;
update shots set gpu_millis = coalesce((select sum(j.device_millis) from generation_jobs j where j.shot_id = shots.id), 0);

-- When the shot's current approval was made; null while it has none (Shot.approve and Shot.reopen keep it). The
-- dashboard's burn-up counts approvals per day from it.
alter table shots add column approved_at timestamp with time zone;
update shots set approved_at = updated_at where approved_variant_id is not null;

-- The board's "overdue" filter and the dashboard's burn-up read these per episode.
create index ix_shots_episode_due on shots (episode_id, due_date);
create index ix_shots_episode_approved on shots (episode_id, approved_at);
