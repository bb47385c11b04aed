-- The director's review queue (issue 3). Portable between H2 (2.x) and PostgreSQL (15+), like V1.

-- When the shot last entered IN_REVIEW; null in every other status. Production sets it on entering
-- and clears it on leaving, so "oldest waiting first" needs no look at the activity log.
alter table shots add column in_review_since timestamp with time zone;
update shots set in_review_since = updated_at where status = 'IN_REVIEW';
-- The queue reads the IN_REVIEW shots, longest waiting first.
create index ix_shots_status_in_review on shots (status, in_review_since);

-- When a user last looked at a shot, so the queue can count the variants that are new to them.
-- One row per user and shot, overwritten on every visit.
create table review_visits (
    user_id bigint not null references app_users (id) on delete cascade,
    shot_id bigint not null references shots (id) on delete cascade,
    seen_at timestamp with time zone not null,
    primary key (user_id, shot_id)
);
