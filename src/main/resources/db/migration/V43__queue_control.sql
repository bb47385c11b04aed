-- Issue 12: producers steer the generation queue. Portable between H2 (2.x) and PostgreSQL (15+).

-- Whether workers may start jobs. One row, read by every claim; a paused queue lets running jobs finish and starts
-- nothing new until someone resumes it. Kept in the database so that a pause holds across restarts and nodes.
create table queue_control (
    id         integer primary key,
    paused     boolean not null,
    changed_by bigint references app_users (id),
    changed_at timestamp with time zone
);
insert into queue_control (id, paused) values (1, false);

-- A producer moved this queued job to the front at this time: it goes before every job that was not moved, and the
-- latest move goes first. Null for jobs nobody moved.
alter table generation_jobs add column front_at timestamp with time zone;
