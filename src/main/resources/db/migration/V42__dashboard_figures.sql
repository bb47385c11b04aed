-- Issue 12: what the dashboard reads without scanning history. Portable between H2 (2.x) and PostgreSQL (15+).

-- Decisions per director, episode and day, kept by review in the transaction of each decision (approve, reject,
-- reopen), so "decisions per director per day" reads at most a month of rows instead of every decision ever made.
create table decision_days (
    episode_id  bigint  not null references episodes (id),
    director_id bigint  not null references app_users (id),
    decided_on  date    not null,
    -- denormalised from the episode, so a show's dashboard reads one index range
    show_id     bigint  not null references shows (id),
    decisions   integer not null,
    primary key (episode_id, director_id, decided_on),
    constraint ck_decision_days_count check (decisions > 0)
);
create index ix_decision_days_show on decision_days (show_id, decided_on);
insert into decision_days (episode_id, director_id, decided_on, show_id, decisions)
select e.id, d.decided_by, cast(d.decided_at as date), e.show_id, count(*)
from decisions d join shots s on s.id = d.shot_id join episodes e on e.id = s.episode_id
group by e.id, d.decided_by, cast(d.decided_at as date), e.show_id;

-- The dashboard's queue waits read the jobs of a show that started in the last week.
create index ix_jobs_show_started on generation_jobs (show_id, started_at);
