-- Issue 12, Scale: indexes the large production's figures showed were missing (docs/benchmarks.md, "Producer tracking
-- at scale"). Portable between H2 (2.x) and PostgreSQL (15+), like V1.

-- Live jobs of a show, per state (the dashboard's queue figures, the queue page's counts): a range of the live states
-- only, instead of every job the show ever ran (ix_jobs_show_started led to 110 000 rows for 10 000 live ones).
create index ix_jobs_state_show on generation_jobs (state, show_id);

-- The latest successful runs, newest first (the queue page's and the shot page's start estimates): the first 20 rows
-- of this index instead of a sort of every finished job.
create index ix_jobs_state_claimed on generation_jobs (state, claimed_at desc);
